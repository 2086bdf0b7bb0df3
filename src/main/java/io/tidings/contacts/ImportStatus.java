package io.tidings.contacts;

import java.time.Instant;
import java.util.List;

/**
 * Progress of an import, updated once per committed chunk. {@code processed} = imported + updated +
 * skipped + rejectedCount. {@code rejected} holds at most the first 10,000 rejected rows;
 * {@code rejectedCount} is exact.
 */
public record ImportStatus(long id, String status, long processed, long imported, long updated, long skipped,
                           List<RejectedRow> rejected, long rejectedCount, String error, String actor,
                           Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return !RUNNING.equals(status);
    }
}
