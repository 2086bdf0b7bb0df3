package io.tidings.sms;

import java.time.Instant;

/** A provider's final (or intermediate) word on a message it accepted. */
public record DeliveryReport(String gateway, String providerMessageId, Status status, String errorCode,
                             String detail, Instant at) {

    public enum Status {
        /** Still moving (queued, sent, accepted at the carrier). */
        IN_FLIGHT,
        DELIVERED,
        /** Not delivered; the provider may still bill it. */
        FAILED
    }
}
