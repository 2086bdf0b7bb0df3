package io.tidings.sms;

import java.time.Instant;

/**
 * A sender signature and its review. Only an {@link ReviewState#APPROVED} one may be sent.
 *
 * @param value           without brackets, as checked by {@link SenderSignature}
 * @param rejectionReason set exactly when the state is {@link ReviewState#REJECTED}; shown to the applicant
 */
public record Signature(long id, String value, ReviewState state, String rejectionReason, String appliedBy,
                        Instant appliedAt, String reviewedBy, Instant reviewedAt) {

    /** As it starts every message: {@code 【value】}. */
    public String bracketed() {
        return "【" + value + "】";
    }
}
