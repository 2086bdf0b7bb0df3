package io.tidings.sms.vonage;

import io.tidings.sms.DeliveryReport.Status;

import java.util.Locale;

/**
 * A Vonage receipt's status: delivered is final and good; expired, failed and rejected are final and bad;
 * accepted, buffered, unknown (and anything newer) leave the message on its way.
 */
final class VonageStatus {

    private VonageStatus() {
    }

    static Status of(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "delivered" -> Status.DELIVERED;
            case "expired", "failed", "rejected" -> Status.FAILED;
            default -> Status.IN_FLIGHT;
        };
    }
}
