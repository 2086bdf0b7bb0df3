package io.tidings.sms.twilio;

import io.tidings.sms.DeliveryReport.Status;

import java.util.Locale;

/**
 * Twilio's MessageStatus in a status callback. The final ones are delivered (and read, for channels that
 * report it) and undelivered, failed or canceled; queued, accepted, scheduled, sending, sent and any status
 * Twilio adds later are still on the way.
 */
final class TwilioStatus {

    private TwilioStatus() {
    }

    static Status of(String messageStatus) {
        return switch (messageStatus.strip().toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> Status.DELIVERED;
            case "undelivered", "failed", "canceled" -> Status.FAILED;
            default -> Status.IN_FLIGHT;
        };
    }
}
