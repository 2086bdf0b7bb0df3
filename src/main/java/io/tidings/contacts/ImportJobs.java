package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts imports and answers for them. An upload is spooled to a file in the data directory before
 * its request returns (the request body is gone afterwards); the import itself runs on a small
 * bounded pool, so a burst of uploads queues instead of starving the server.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int WAITING_IMPORTS = 16;

    private final ImportStore store;
    private final PhoneNormaliser phones;
    private final TransactionTemplate tx;
    private final Path spoolDir;
    private final String node;
    private final int chunkRows;
    private final int writers;
    private final ThreadPoolExecutor imports;
    private final ExecutorService normalisers;
    private final SearchIndexes searchIndexes;
    private final ImportRun.BulkPolicy bulk;

    ImportJobs(ImportStore store, PhoneNormaliser phones, PlatformTransactionManager transactions,
               SearchIndexes searchIndexes,
               @Value("${tidings.data-dir:./data}") String dataDir,
               @Value("${tidings.node-id:}") String nodeId,
               @Value("${tidings.import.concurrent:2}") int concurrent,
               @Value("${tidings.import.chunk-rows:20000}") int chunkRows,
               @Value("${tidings.import.writers:2}") int writers,
               @Value("${tidings.import.normaliser-threads:0}") int normaliserThreads,
               @Value("${tidings.import.bulk-load:true}") boolean bulkLoad,
               @Value("${tidings.import.bulk-min-rows:100000}") long bulkMinRows,
               @Value("${tidings.import.bulk-max-existing:1000}") long bulkMaxExisting) {
        this.store = store;
        this.phones = phones;
        this.tx = new TransactionTemplate(transactions);
        this.searchIndexes = searchIndexes;
        this.bulk = new ImportRun.BulkPolicy(bulkLoad, bulkMinRows, bulkMaxExisting);
        this.spoolDir = Path.of(dataDir).toAbsolutePath().normalize().resolve("imports");
        this.node = nodeId == null || nodeId.isBlank() ? hostname() : nodeId;
        this.chunkRows = chunkRows;
        this.writers = Math.max(1, writers);
        this.imports = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING_IMPORTS), Thread.ofPlatform().name("contact-import-", 1).daemon().factory());
        int threads = normaliserThreads > 0 ? normaliserThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.normalisers = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("contact-normaliser-", 1).daemon().factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        // Only imports this node started before this process did: another context in this JVM may be running some.
        Instant since = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        int failed = store.failAbandoned(node, since);
        if (failed > 0) {
            log.warn("Marked {} contact import(s) of node {} as failed: they were running when it stopped", failed, node);
        }
    }

    /** A running import is interrupted and marked failed while the database is still there. */
    @PreDestroy
    void stop() throws InterruptedException {
        imports.shutdownNow();
        normalisers.shutdownNow();
        if (!imports.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Contact imports did not stop within 10 seconds");
        }
    }

    long start(InputStream body, ImportOptions options, String actor) {
        Path spool;
        try {
            Files.createDirectories(spoolDir);
            spool = Files.createTempFile(spoolDir, "import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + spoolDir, e);
        }
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(spool);
            throw new IllegalArgumentException("the upload could not be read to its end: " + e.getMessage(), e);
        }
        return start(spool, options, actor, true);
    }

    long start(Path file, ImportOptions options, String actor, boolean deleteAfter) {
        try {
            checkHeader(file, options);
        } catch (RuntimeException e) {
            if (deleteAfter) {
                delete(file);
            }
            throw e;
        }
        long estimate = estimateRows(file);
        long id = store.insertImport(options, actor, node, estimate);
        try {
            imports.execute(new ImportRun(id, file, deleteAfter, options, store, phones, normalisers, tx, chunkRows,
                    writers, searchIndexes, bulk, estimate));
        } catch (RejectedExecutionException e) {
            store.finish(id, ImportStatus.FAILED, "too many imports were waiting");
            if (deleteAfter) {
                delete(file);
            }
            throw new ConflictException("too many imports are running or waiting; try again later");
        }
        return id;
    }

    /** Line breaks after the header: a progress bar's denominator, read at disk speed. */
    static long estimateRows(Path file) {
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            return 0;
        }
        if (last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    /** A file whose header cannot be mapped fails now, in the request, not later in the background. */
    private static void checkHeader(Path file, ImportOptions options) {
        try (CsvReader<String[]> csv = CsvSource.open(file, CsvSource.separator(file))) {
            ColumnMapping.of(CsvSource.header(csv.iterator()), options.mapping());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("file", "the header line cannot be read: " + e.getMessage());
        }
    }

    ImportStatus status(long id) {
        return store.status(id).orElseThrow(() -> new NotFoundException("no import with id " + id));
    }

    ImportStatus await(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ImportStatus.RUNNING.equals(store.state(id).orElseThrow(() -> new NotFoundException("no import with id " + id)))
                && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        return status(id);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
