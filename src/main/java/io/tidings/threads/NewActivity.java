package io.tidings.threads;

import java.time.LocalDate;

public record NewActivity(String type, LocalDate dueDate, String assignee, String note) {
}
