package io.tidings.contacts;

import java.time.Instant;
import java.util.List;

/**
 * Progress of an import, updated once per committed chunk. {@code processed} = imported + updated +
 * skipped + rejectedCount. {@code rejected} holds at most the first 10,000 rejected rows;
 * {@code rejectedCount} is exact. {@code phase} is {@link #LOADING} or {@link #INDEXING} while it runs (null
 * afterwards); {@code bulk} says it was an initial load that rebuilt the search indexes at the end.
 */
public record ImportStatus(long id, String status, long processed, long imported, long updated, long skipped,
                           List<RejectedRow> rejected, long rejectedCount, String error, String actor,
                           Instant startedAt, Instant finishedAt, long estimatedRows, String phase, boolean bulk) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** Phases of a running import: reading and storing rows, then (bulk loads only) building the search indexes. */
    public static final String LOADING = "loading";
    public static final String INDEXING = "indexing";

    public boolean finished() {
        return !RUNNING.equals(status);
    }

    /** How far along, 0 to 100, from the rows processed against the file's line count. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (estimatedRows <= 0) {
            return 0;
        }
        return (int) Math.min(99, processed * 100 / estimatedRows);
    }
}
