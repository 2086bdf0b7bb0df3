package io.tidings.sms;

import io.tidings.dispatch.Traffic;

import java.time.Instant;
import java.util.List;

/**
 * An SMS template and its review.
 *
 * @param context         the level it was written for; its variables fit it (checked when created)
 * @param variables       the distinct variable names of the body, in order of first use
 * @param rejectionReason set exactly when the state is {@link ReviewState#REJECTED}
 */
public record SmsTemplate(long id, String name, String body, Traffic traffic, TemplateContext context,
                          List<String> variables, ReviewState state, String rejectionReason,
                          String createdBy, Instant createdAt, String reviewedBy, Instant reviewedAt) {
}
