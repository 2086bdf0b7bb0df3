package io.tidings.threads;

import java.time.Instant;
import java.time.LocalDate;

/** A planned action on a record; {@code overdue} when due before today and not done. */
public record Activity(long id, RecordRef record, ActivityType type, LocalDate dueDate, String assignee, String note,
                       boolean done, Instant doneAt, boolean overdue) {
}
