package io.tidings.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL started by Tidings itself in {@code <data>/pg}, kept across restarts.
 *
 * <p>One server per data directory per JVM: test contexts and CLI commands share it. When another
 * process (a running {@code ./tidings serve}) already owns the directory, we connect to its port
 * instead of starting a second postmaster, so {@code ./tidings token create} works beside serve.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final int port;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server; // null when borrowed

    private EmbeddedPostgres(int port, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.port = port;
        this.server = server;
    }

    public static EmbeddedPostgres in(Path dataDir, boolean durable) {
        Path pgDir = dataDir.toAbsolutePath().normalize().resolve("pg");
        return RUNNING.computeIfAbsent(pgDir, dir -> start(dir, durable));
    }

    /**
     * Stops the server this JVM started for the data directory, so the directory can be removed
     * (the import benchmark wipes the fresh one it made). A borrowed server is left running.
     */
    public static void stop(Path dataDir) {
        EmbeddedPostgres pg = RUNNING.remove(dataDir.toAbsolutePath().normalize().resolve("pg"));
        if (pg != null && pg.server != null) {
            try {
                pg.server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL in " + dataDir, e);
            }
        }
    }

    /**
     * Stops this JVM's server for the data directory and deletes the directory: for the benchmarks, which each
     * run on a fresh directory of their own. A file that cannot be removed is said on stderr, not thrown.
     */
    public static void stopAndRemove(Path dataDir) {
        stop(dataDir);
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dataDir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("tidings: could not remove " + dataDir + ": " + e.getMessage());
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    public boolean owned() {
        return server != null;
    }

    /** System property with extra server settings for diagnostics, e.g. {@code shared_preload_libraries=pg_stat_statements}. */
    public static final String EXTRA_SETTINGS = "tidings.embedded-pg.settings";

    private static EmbeddedPostgres start(Path pgDir, boolean durable) {
        Integer otherPort = portOfLivePostmaster(pgDir);
        if (otherPort != null) {
            log.info("PostgreSQL in {} is already running on port {}; connecting to it", pgDir, otherPort);
            return new EmbeddedPostgres(otherPort, null);
        }
        try {
            Files.createDirectories(pgDir);
            Builder builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(pgDir.getParent().resolve("pg-bin").toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", sharedBuffersMb() + "MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (durable) {
                // zonky starts postgres with -F (no fsync); data that must survive a crash needs it back.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            // Diagnostics (benchmarks' --pg-stats): extra server settings, "name=value;name=value".
            String extra = System.getProperty(EXTRA_SETTINGS);
            if (extra != null && !extra.isBlank()) {
                for (String kv : extra.split(";")) {
                    String[] p = kv.split("=", 2);
                    if (p.length != 2 || p[0].isBlank()) {
                        throw new IllegalArgumentException(EXTRA_SETTINGS + " takes name=value;name=value, not '" + kv + "'");
                    }
                    builder.setServerConfig(p[0].strip(), p[1].strip());
                }
            }
            var server = builder.start();
            log.info("Embedded PostgreSQL started in {} on port {}", pgDir, server.getPort());
            return new EmbeddedPostgres(server.getPort(), server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgDir, e);
        }
    }

    /**
     * A quarter of the machine's memory, between 128 MB and 1 GB: a million contacts with their
     * trigram index need about 500 MB to stay in memory during an import (ADR 0003).
     */
    static long sharedBuffersMb() {
        long total = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize() / (1024 * 1024);
        }
        return Math.max(128, Math.min(1024, total / 4));
    }

    /** postmaster.pid holds the port on its fourth line; the server is live when that port answers. */
    private static Integer portOfLivePostmaster(Path pgDir) {
        Path pid = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                return null;
            }
            int port = Integer.parseInt(lines.get(3).trim());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return port;
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
