package io.tidings.contacts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The contacts search indexes for an initial load: an import of a large file into a (nearly) empty
 * contacts table drops them, loads, and builds them again with {@code CREATE INDEX}, which costs a
 * third of what maintaining them row by row does (ADR 0003). Only the search indexes: the unique
 * email and phone indexes, which every chunk's owner lookup probes, stay.
 *
 * <p>One bulk load at a time, across all nodes: it holds a session advisory lock on its own
 * connection from before the drop until after the rebuild. Whoever else finds an index missing
 * (this node's startup, every import that does not load in bulk) creates it again, with exactly the
 * migration's statement, but only while it can take that lock, so it never undoes a running bulk
 * load; a bulk load that dies loses its connection and with it the lock.
 */
@Component
class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    /** pg_advisory_lock key: "contacts search indexes". */
    static final long LOCK_KEY = 0x7469_6469_6e67_7331L;

    /**
     * Name to statement, exactly as migration V2_3 creates them (plus IF NOT EXISTS), so a rebuilt
     * index is the same index. The trigram expression must match {@link ContactStore#SEARCH_TEXT}.
     */
    static final Map<String, String> DDL = new LinkedHashMap<>();

    static {
        DDL.put("contacts_search_trgm", """
                create index if not exists contacts_search_trgm on contacts using gin (
                    (coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)""");
        DDL.put("contacts_email_prefix", """
                create index if not exists contacts_email_prefix on contacts ((email collate "C"))""");
        DDL.put("contacts_email_domain", """
                create index if not exists contacts_email_domain on contacts ((split_part(email, '@', 2) collate "C"))""");
        // V2_1: the tag filter's index, not the text search's, but just as needless while loading
        DDL.put("contacts_tags", """
                create index if not exists contacts_tags on contacts using gin (tags)""");
    }

    /** The trigram index on one connection, the two B-trees on another: both cores build at once. */
    private static final List<List<String>> BUILD_GROUPS = List.of(
            List.of("contacts_search_trgm"), List.of("contacts_email_prefix", "contacts_email_domain", "contacts_tags"));

    private final DataSource dataSource;
    private final String buildMemory;

    SearchIndexes(DataSource dataSource,
                  @Value("${tidings.import.index-build-memory:256MB}") String buildMemory) {
        if (!buildMemory.matches("\\d+\\s*(kB|MB|GB)")) {
            throw new IllegalArgumentException("tidings.import.index-build-memory must look like 256MB (kB, MB or GB), not '"
                    + buildMemory + "'");
        }
        this.dataSource = dataSource;
        this.buildMemory = buildMemory.replace(" ", "");
    }

    /** After a crash in the middle of a bulk load, the indexes come back when the server does. */
    @EventListener(ApplicationReadyEvent.class)
    void repairOnStartup() {
        try {
            repairMissing();
        } catch (RuntimeException e) {
            log.error("Could not check the contacts search indexes", e);
        }
    }

    /**
     * Creates every search index that is missing, unless a bulk load holds the lock (it builds them
     * itself when it ends).
     *
     * @return the names created
     */
    List<String> repairMissing() {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(true);
            if (!tryLock(con)) {
                return List.of();
            }
            try {
                List<String> missing = missing(con);
                if (!missing.isEmpty()) {
                    log.warn("Contacts search indexes {} are missing (a bulk import stopped before it rebuilt them);"
                            + " creating them", missing);
                    build(con, missing);
                }
                return missing;
            } finally {
                unlock(con);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the contacts search indexes: " + e.getMessage(), e);
        }
    }

    /** The search indexes that do not exist now. */
    List<String> missing() {
        try (Connection con = dataSource.getConnection()) {
            return missing(con);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Starts a bulk load when nobody else runs one and contacts holds fewer than {@code maxExisting}
     * rows: takes the lock and drops the search indexes.
     *
     * @return empty when the import should load the normal way
     */
    Optional<Bulk> beginBulk(long maxExisting) {
        Connection con = null;
        boolean locked = false;
        try {
            con = dataSource.getConnection();
            con.setAutoCommit(true);
            locked = tryLock(con);
            if (!locked || existingAtLeast(con, maxExisting)) {
                return Optional.empty();
            }
            try (Statement st = con.createStatement()) {
                // A long search holding the table must not stall the import: then it loads the normal way.
                st.execute("set lock_timeout = '5s'");
                st.execute("drop index if exists " + String.join(", ", DDL.keySet()));
                st.execute("reset lock_timeout");
            }
            Bulk bulk = new Bulk(con);
            con = null;
            return Optional.of(bulk);
        } catch (SQLException e) {
            log.warn("Could not start a bulk contact import; loading the normal way: {}", e.getMessage());
            return Optional.empty();
        } finally {
            if (con != null) {
                try {
                    if (locked) {
                        try (Statement st = con.createStatement()) {
                            st.execute("reset lock_timeout");
                        }
                        unlock(con);
                    }
                } catch (SQLException e) {
                    log.warn("Could not release the contacts search index lock", e);
                } finally {
                    close(con);
                }
            }
        }
    }

    /** A running bulk load: it holds the lock until {@link #close}, which rebuilds what is still missing. */
    final class Bulk implements AutoCloseable {

        private final Connection con;
        private boolean rebuilt;

        private Bulk(Connection con) {
            this.con = con;
        }

        /** Builds the dropped indexes, two connections at once. */
        void rebuild() {
            List<String> missing;
            try {
                missing = missing(con);
            } catch (SQLException e) {
                throw new IllegalStateException("could not list the contacts search indexes: " + e.getMessage(), e);
            }
            List<String> first = new ArrayList<>(BUILD_GROUPS.getFirst());
            first.retainAll(missing);
            List<String> rest = new ArrayList<>(missing);
            rest.removeAll(first);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                if (rest.isEmpty()) {
                    return;
                }
                try (Connection second = dataSource.getConnection()) {
                    second.setAutoCommit(true);
                    build(second, rest);
                } catch (SQLException e) {
                    throw new IllegalStateException("building " + rest + " failed: " + e.getMessage(), e);
                }
            }, runnable -> Thread.ofPlatform().name("contact-search-index-build").daemon().start(runnable));
            RuntimeException failure = null;
            try {
                build(con, first);
            } catch (SQLException e) {
                failure = new IllegalStateException("building " + first + " failed: " + e.getMessage(), e);
            }
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while building the search indexes");
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
            if (failure != null) {
                throw failure;
            }
            rebuilt = true;
        }

        /** Rebuilds whatever is still missing (an import that failed half-way), then lets go of the lock. */
        @Override
        public void close() {
            try {
                if (!rebuilt) {
                    List<String> missing = missing(con);
                    if (!missing.isEmpty()) {
                        log.warn("A bulk contact import ended early; creating the search indexes {} again", missing);
                        build(con, missing);
                    }
                }
                unlock(con);
                SearchIndexes.close(con);
            } catch (SQLException e) {
                // This connection is broken; closing it lets go of the lock, and a fresh one tries again.
                SearchIndexes.close(con);
                try {
                    repairMissing();
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                    log.error("Could not restore the contacts search indexes after a bulk import;"
                            + " the next start or import creates them", e);
                }
            }
        }
    }

    private void build(Connection con, List<String> names) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("set maintenance_work_mem = '" + buildMemory + "'");
            // two connections already keep both cores busy; workers would only compete with them
            st.execute("set max_parallel_maintenance_workers = 0");
            try {
                for (String name : names) {
                    long t0 = System.nanoTime();
                    st.execute(DDL.get(name));
                    log.info("Built contacts search index {} in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
                }
            } finally {
                st.execute("reset maintenance_work_mem");
                st.execute("reset max_parallel_maintenance_workers");
            }
        }
    }

    private static List<String> missing(Connection con) throws SQLException {
        List<String> missing = new ArrayList<>(DDL.keySet());
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select indexname from pg_indexes where schemaname = current_schema()"
                     + " and tablename = 'contacts'")) {
            while (rs.next()) {
                missing.remove(rs.getString(1));
            }
        }
        return missing;
    }

    private static boolean existingAtLeast(Connection con, long rows) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from (select 1 from contacts limit " + rows + ") t")) {
            rs.next();
            return rs.getLong(1) >= rows;
        }
    }

    private static boolean tryLock(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        }
    }

    private static void close(Connection con) {
        try {
            con.close();
        } catch (SQLException e) {
            log.debug("Could not close a connection", e);
        }
    }
}
