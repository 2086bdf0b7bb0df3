package io.tidings.contacts;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SQL statement of the import: its job row, and the per-chunk load. A chunk is COPYed into a
 * session-local staging table and merged into contacts by a handful of set-based statements, all
 * in the caller's one transaction, so a chunk is in completely or not at all.
 */
@Repository
class ImportStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportStore.class);

    private static final String INSERT_IMPORT = """
            insert into contact_imports (status, phase, options, actor, node, estimated_rows)
            values ('running', 'loading', cast(:options as jsonb), :actor, :node, :estimatedRows)
            returning id""";
    private static final String IMPORT_STATE = "select status from contact_imports where id = :id";
    private static final String IMPORT_STATUS = """
            select id, status, processed, imported, updated, skipped, rejected_count, rejected, error, actor,
                   started_at, finished_at, estimated_rows, phase, bulk
            from contact_imports where id = :id""";
    private static final String SET_PHASE = """
            update contact_imports set phase = :phase, bulk = bulk or :bulk, updated_at = now()
            where id = :id and status = 'running'""";
    // Counts and the chunk they describe commit together: progress never runs ahead of the data.
    private static final String RECORD_PROGRESS = """
            update contact_imports
            set processed = processed + :processed, imported = imported + :imported, updated = updated + :updated,
                skipped = skipped + :skipped, rejected_count = rejected_count + :rejectedCount,
                rejected = rejected || cast(:rejected as jsonb), updated_at = now()
            where id = :id""";
    private static final String FINISH_IMPORT = """
            update contact_imports set status = :status, phase = null, error = :error, finished_at = now(),
                updated_at = now()
            where id = :id and status = 'running'""";
    // A node that stopped mid-import cannot finish it; say so instead of showing "running" forever.
    private static final String FAIL_ABANDONED = """
            update contact_imports
            set status = 'failed', phase = null, error = 'the server running this import stopped before it finished',
                finished_at = now(), updated_at = now()
            where status = 'running' and node = :node and started_at < :since""";

    // Temporary, so concurrent imports each have their own; rows vanish at commit or rollback.
    private static final String CREATE_STAGE = """
            create temp table if not exists import_stage (
                row_no         bigint not null,
                match_on       text   not null,
                merged         int    not null,
                name           text,
                email          text,
                phone          text,
                phone_country  text,
                phone_type     text,
                phone_timezone text,
                country        text,
                timezone       text,
                language       text,
                company        text,
                tags           text[],
                custom_fields  jsonb,
                email_owner    bigint,
                phone_owner    bigint,
                contact_id     bigint generated always as (
                                   case when match_on = 'email' then email_owner else phone_owner end) stored
            ) on commit delete rows""";
    private static final String COPY_STAGE = "copy import_stage (" + StageCopy.COLUMNS + ") from stdin";
    // The staging table has no statistics, and a join planned from it would hash all of contacts to
    // find a few thousand rows. With hash and merge joins off (for this transaction only) every join
    // below is what it should be: one probe of a unique or primary-key index per staged row, so a
    // chunk costs the same against a thousand contacts or ten million.
    private static final String PROBE_BY_INDEX = """
            select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)""";
    // Who already holds each row's email and phone; only rows with an owner are rewritten.
    private static final String FIND_EMAIL_OWNERS = """
            update import_stage s set email_owner = c.id
            from contacts c
            where lower(c.email) = s.email""";
    private static final String FIND_PHONE_OWNERS = """
            update import_stage s set phone_owner = c.id
            from contacts c
            where c.phone = s.phone""";
    // A row whose other key belongs to someone else would break a unique index: it is rejected, not
    // guessed. With onDuplicate=skip a row that matched is skipped anyway, so only new rows can clash.
    private static final String REJECT_TAKEN_KEYS = """
            delete from import_stage
            where (email_owner is distinct from contact_id and email_owner is not null
                   or phone_owner is distinct from contact_id and phone_owner is not null)
              and (contact_id is null or cast(:updating as boolean))
            returning row_no,
                      case when email_owner is distinct from contact_id and email_owner is not null
                           then 'email' else 'phone' end as taken,
                      email, phone,
                      case when email_owner is distinct from contact_id and email_owner is not null
                           then email_owner else phone_owner end as owner""";
    private static final String TALLY_STAGE = """
            select count(*) filter (where contact_id is null) as new_rows,
                   coalesce(sum(merged) filter (where contact_id is null), 0) as new_merged,
                   count(*) filter (where contact_id is not null) as matched_rows,
                   coalesce(sum(merged) filter (where contact_id is not null), 0) as matched_merged
            from import_stage""";
    // What the file says wins; what it leaves blank keeps its value; tags add up; custom fields merge.
    private static final String UPDATE_FROM_STAGE = """
            update contacts c
            set name = coalesce(s.name, c.name),
                email = coalesce(s.email, c.email),
                phone = coalesce(s.phone, c.phone),
                phone_country = case when s.phone is null then c.phone_country else s.phone_country end,
                phone_type = case when s.phone is null then c.phone_type else s.phone_type end,
                country = coalesce(s.country, c.country, nullif(s.phone_country, '001')),
                timezone = coalesce(s.timezone, c.timezone, s.phone_timezone),
                language = coalesce(s.language, c.language),
                company = coalesce(s.company, c.company),
                tags = case when s.tags is null then c.tags
                            else c.tags || array(select t from unnest(s.tags) t where t <> all (c.tags)) end,
                custom_fields = c.custom_fields || coalesce(s.custom_fields, '{}'),
                updated_at = now()
            from import_stage s
            where c.id = s.contact_id""";
    private static final String INSERT_FROM_STAGE = """
            insert into contacts (name, email, phone, phone_country, phone_type, country, timezone, language,
                                  company, tags, custom_fields)
            select name, email, phone, phone_country, phone_type, coalesce(country, nullif(phone_country, '001')),
                   coalesce(timezone, phone_timezone), language, company, coalesce(tags, '{}'),
                   coalesce(custom_fields, '{}')
            from import_stage
            where contact_id is null
            order by row_no""";

    private static final TypeReference<List<RejectedRow>> REJECTED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long insertImport(ImportOptions options, String actor, String node, long estimatedRows) {
        return jdbc.sql(INSERT_IMPORT).param("options", ContactRows.JSON.writeValueAsString(options))
                .param("actor", actor).param("node", node).param("estimatedRows", estimatedRows)
                .query(Long.class).single();
    }

    Optional<ImportStatus> status(long id) {
        return jdbc.sql(IMPORT_STATUS).param("id", id)
                .query((rs, n) -> new ImportStatus(rs.getLong("id"), rs.getString("status"), rs.getLong("processed"),
                        rs.getLong("imported"), rs.getLong("updated"), rs.getLong("skipped"),
                        byRow(ContactRows.JSON.readValue(rs.getString("rejected"), REJECTED)), rs.getLong("rejected_count"),
                        rs.getString("error"), rs.getString("actor"), ContactRows.instant(rs, "started_at"),
                        ContactRows.instant(rs, "finished_at"), rs.getLong("estimated_rows"), rs.getString("phase"),
                        rs.getBoolean("bulk")))
                .optional();
    }

    /** Just running, done or failed: cheap enough to poll, unlike the full status with its rejections. */
    Optional<String> state(long id) {
        return jdbc.sql(IMPORT_STATE).param("id", id).query(String.class).optional();
    }

    /** Parallel writers commit their chunks in any order; the listing reads in file order. */
    private static List<RejectedRow> byRow(List<RejectedRow> rows) {
        List<RejectedRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Long.compare(a.row(), b.row()));
        return sorted;
    }

    void recordProgress(long id, long processed, ChunkResult r, List<RejectedRow> toStore) {
        jdbc.sql(RECORD_PROGRESS).param("id", id).param("processed", processed).param("imported", r.imported())
                .param("updated", r.updated()).param("skipped", r.skipped())
                .param("rejectedCount", (long) r.rejected().size())
                .param("rejected", ContactRows.JSON.writeValueAsString(toStore)).update();
    }

    /** {@code bulk} once set stays set: the import loaded with the search indexes dropped. */
    void phase(long id, String phase, boolean bulk) {
        jdbc.sql(SET_PHASE).param("id", id).param("phase", phase).param("bulk", bulk).update();
    }

    void finish(long id, String status, String error) {
        jdbc.sql(FINISH_IMPORT).param("id", id).param("status", status).param("error", error).update();
    }

    int failAbandoned(String node, Instant since) {
        return jdbc.sql(FAIL_ABANDONED).param("node", node).param("since", Timestamp.from(since)).update();
    }

    /** What one chunk did. {@code rejected} are the rows the database refused, beyond the chunk's own. */
    record ChunkResult(long imported, long updated, long skipped, List<RejectedRow> rejected) {
    }

    /** Runs inside the caller's transaction. */
    ChunkResult loadChunk(ImportChunk chunk, boolean update) {
        long t0 = System.nanoTime();
        jdbc.sql(CREATE_STAGE).update();
        copy(chunk.rows);
        long t1 = System.nanoTime();
        jdbc.sql(PROBE_BY_INDEX).query().listOfRows();
        jdbc.sql(FIND_EMAIL_OWNERS).update();
        jdbc.sql(FIND_PHONE_OWNERS).update();
        long t2 = System.nanoTime();
        List<RejectedRow> rejected = new ArrayList<>(chunk.rejected);
        Map<Long, StagedRow> byNumber = null;
        for (Taken t : jdbc.sql(REJECT_TAKEN_KEYS).param("updating", update).query((rs, n) -> new Taken(rs.getLong("row_no"),
                rs.getString("taken"), rs.getString("email"), rs.getString("phone"), rs.getLong("owner"))).list()) {
            boolean email = t.taken().equals("email");
            String column = email ? chunk.emailColumn() : chunk.phoneColumn();
            String reason = (email ? "email " + t.email() : "phone " + t.phone())
                    + " already belongs to contact " + t.owner();
            rejected.add(new RejectedRow(t.row(), column, reason));
            if (byNumber == null) {
                byNumber = chunk.rowsByNumber();
            }
            for (long merged : byNumber.get(t.row()).mergedRows) {
                rejected.add(new RejectedRow(merged, column, reason));
            }
        }
        Tally tally = jdbc.sql(TALLY_STAGE).query((rs, n) -> new Tally(rs.getLong("new_rows"), rs.getLong("new_merged"),
                rs.getLong("matched_rows"), rs.getLong("matched_merged"))).single();
        if (update && tally.matchedRows() > 0) {
            jdbc.sql(UPDATE_FROM_STAGE).update();
        }
        long t3 = System.nanoTime();
        if (tally.newRows() > 0) {
            jdbc.sql(INSERT_FROM_STAGE).update();
        }
        long t4 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("chunk of {} rows: copy {} ms, owners {} ms, reject+tally+update {} ms, insert {} ms",
                    chunk.rows.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000);
        }
        rejected.sort((a, b) -> Long.compare(a.row(), b.row()));
        return update
                ? new ChunkResult(tally.newRows(), tally.newMerged() + tally.matchedRows() + tally.matchedMerged(),
                chunk.skipped, rejected)
                : new ChunkResult(tally.newRows(), 0, chunk.skipped + tally.matchedRows() + tally.matchedMerged(),
                rejected);
    }

    private record Taken(long row, String taken, String email, String phone, long owner) {
    }

    private record Tally(long newRows, long newMerged, long matchedRows, long matchedMerged) {
    }

    /** Streams the rows into the staging table as they are encoded. */
    private void copy(List<StagedRow> rows) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyIn in = null;
        try {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGE);
            in = copy;
            StageCopy.write(rows, (bytes, length) -> {
                try {
                    copy.writeToCopy(bytes, 0, length);
                } catch (SQLException e) {
                    throw new CopyFailed(e);
                }
            });
            copy.endCopy();
            in = null;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import staging table failed: " + e.getMessage(), e);
        } catch (CopyFailed e) {
            throw new IllegalStateException("COPY into the import staging table failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException e) {
                    log.debug("Could not cancel the COPY", e);
                }
            }
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }
    }
}
