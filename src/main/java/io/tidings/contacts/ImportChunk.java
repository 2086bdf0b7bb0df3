package io.tidings.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one chunk, deduplicated the way the database will deduplicate them against earlier
 * chunks: a later row with the same key updates (merges into) or is skipped after the first. This
 * has to happen before the set-based merge, where two rows for one contact would collide.
 */
final class ImportChunk {

    private final ImportOptions.OnDuplicate onDuplicate;
    private final String emailColumn;
    private final String phoneColumn;
    final List<StagedRow> rows = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    private final Map<String, StagedRow> byEmail = new HashMap<>();
    private final Map<String, StagedRow> byPhone = new HashMap<>();
    long processed;
    long skipped;

    /** @param emailColumn the CSV header rejections about the email name, likewise phoneColumn */
    ImportChunk(ImportOptions.OnDuplicate onDuplicate, String emailColumn, String phoneColumn) {
        this.onDuplicate = onDuplicate;
        this.emailColumn = emailColumn;
        this.phoneColumn = phoneColumn;
    }

    void add(RowNormaliser.Batch batch) {
        for (StagedRow r : batch.rows()) {
            add(r);
        }
        rejected.addAll(batch.rejected());
        processed += batch.rejected().size();
    }

    /** A row the normaliser refused; it rides along so its count commits with this chunk. */
    void reject(RejectedRow r) {
        rejected.add(r);
        processed++;
    }

    void add(StagedRow r) {
        processed++;
        StagedRow same = StagedRow.MATCH_EMAIL.equals(r.matchOn) ? byEmail.get(r.email) : byPhone.get(r.phone);
        if (same != null && onDuplicate == ImportOptions.OnDuplicate.SKIP) {
            skipped++;
            return;
        }
        RejectedRow clash = clash(r, same);
        if (clash != null) {
            rejected.add(clash);
            return;
        }
        StagedRow target = same;
        if (target == null) {
            rows.add(r);
            target = r;
        } else {
            target.mergeFrom(r);
        }
        if (target.email != null) {
            byEmail.putIfAbsent(target.email, target);
        }
        if (target.phone != null) {
            byPhone.putIfAbsent(target.phone, target);
        }
    }

    /** The row's other key already belongs to a different person earlier in this chunk. */
    private RejectedRow clash(StagedRow r, StagedRow same) {
        if (r.email != null) {
            StagedRow owner = byEmail.get(r.email);
            if (owner != null && owner != same) {
                return new RejectedRow(r.row, emailColumn, "email " + r.email + " is already used by row " + owner.row);
            }
        }
        if (r.phone != null) {
            StagedRow owner = byPhone.get(r.phone);
            if (owner != null && owner != same) {
                return new RejectedRow(r.row, phoneColumn, "phone " + r.phone + " is already used by row " + owner.row);
            }
        }
        return null;
    }

    String emailColumn() {
        return emailColumn;
    }

    String phoneColumn() {
        return phoneColumn;
    }

    Map<Long, StagedRow> rowsByNumber() {
        Map<Long, StagedRow> m = new HashMap<>(rows.size() * 2);
        for (StagedRow r : rows) {
            m.put(r.row, r);
        }
        return m;
    }
}
