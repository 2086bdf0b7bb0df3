package io.tidings.contacts;

/** A CSV row that was not imported. {@code row} counts data rows from 1; the header is not a row. */
public record RejectedRow(long row, String column, String reason) {
}
