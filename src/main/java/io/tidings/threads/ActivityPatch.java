package io.tidings.threads;

import java.time.LocalDate;

/** Fields to change, null leaves them; {@code done = true} marks the activity done. */
public record ActivityPatch(String type, LocalDate dueDate, String assignee, String note, Boolean done) {
}
