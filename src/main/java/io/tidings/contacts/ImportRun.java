package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One import, start to finish, as a pipeline so both cores and PostgreSQL are busy at once: a
 * reader thread parses CSV into batches; the shared normaliser pool validates them and parses
 * phones in parallel; this thread takes the batches back in file order and deals the rows, by match
 * key, to {@link PartitionWriter}s, which deduplicate them into chunks and load each chunk in one
 * transaction on their own connections (PostgreSQL's trigram index maintenance is the dearest step,
 * and one backend runs it on one core). Bounded queues at every step keep memory flat however
 * large the file is.
 */
final class ImportRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    static final int BATCH_ROWS = 1000;
    static final int MAX_LISTED_REJECTIONS = 10_000;
    private static final int QUEUE_BATCHES = 32;
    private static final int ATTEMPTS = 5;
    private static final Future<RowNormaliser.Batch> END = CompletableFuture.completedFuture(null);

    private final long id;
    private final Path file;
    private final boolean deleteAfter;
    private final ImportOptions options;
    private final ImportStore store;
    private final PhoneNormaliser phones;
    private final ExecutorService normalisers;
    private final TransactionTemplate tx;
    private final int chunkRows;
    private final int partitions;
    private final SearchIndexes searchIndexes;
    private final BulkPolicy bulkPolicy;
    private final long estimatedRows;
    private long listedRejections;

    /**
     * When an import is an initial load: enabled, a file of at least {@code minRows} lines, and (checked
     * when it starts) fewer than {@code maxExisting} contacts in the table.
     */
    record BulkPolicy(boolean enabled, long minRows, long maxExisting) {
        boolean applies(long estimatedRows) {
            return enabled && estimatedRows >= minRows && maxExisting > 0;
        }
    }

    ImportRun(long id, Path file, boolean deleteAfter, ImportOptions options, ImportStore store,
              PhoneNormaliser phones, ExecutorService normalisers, TransactionTemplate tx, int chunkRows,
              int partitions, SearchIndexes searchIndexes, BulkPolicy bulkPolicy, long estimatedRows) {
        this.id = id;
        this.file = file;
        this.deleteAfter = deleteAfter;
        this.options = options;
        this.store = store;
        this.phones = phones;
        this.normalisers = normalisers;
        this.tx = tx;
        this.chunkRows = chunkRows;
        this.partitions = partitions;
        this.searchIndexes = searchIndexes;
        this.bulkPolicy = bulkPolicy;
        this.estimatedRows = estimatedRows;
    }

    @Override
    public void run() {
        String status = ImportStatus.DONE;
        String error = null;
        try {
            execute();
        } catch (Exception e) {
            status = ImportStatus.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Contact import {} failed", id, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            try {
                store.finish(id, status, error);
            } catch (RuntimeException e) {
                log.error("Could not record the end of contact import {}", id, e);
            }
            if (deleteAfter) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the spooled import file {}", file, e);
                }
            }
        }
    }

    /**
     * A large file into a (nearly) empty table loads without the search indexes and builds them at
     * the end, before the import says done: then "done" still means "searchable". Any other import
     * first puts back a search index a failed bulk load left missing.
     */
    private void execute() throws Exception {
        SearchIndexes.Bulk bulk = bulkPolicy.applies(estimatedRows)
                ? searchIndexes.beginBulk(bulkPolicy.maxExisting()).orElse(null) : null;
        if (bulk == null) {
            searchIndexes.repairMissing();
            load();
            return;
        }
        // close() builds whatever is still missing when the load fails half-way, then lets go of the lock
        try (bulk) {
            store.phase(id, ImportStatus.LOADING, true);
            log.info("Contact import {} is an initial load: the search indexes are built once, at the end", id);
            load();
            store.phase(id, ImportStatus.INDEXING, true);
            bulk.rebuild();
        }
    }

    private void load() throws Exception {
        try (CsvReader<String[]> csv = CsvSource.open(file, CsvSource.separator(file))) {
            Iterator<String[]> records = csv.iterator();
            ColumnMapping mapping = ColumnMapping.of(CsvSource.header(records), options.mapping());
            RowNormaliser normaliser = new RowNormaliser(mapping, phones, options.dedup());
            BlockingQueue<Future<RowNormaliser.Batch>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
            Thread reader = Thread.ofPlatform().name("contact-import-" + id + "-reader").daemon()
                    .start(() -> read(records, normaliser, queue));
            try {
                write(queue, mapping);
            } finally {
                reader.interrupt();
                reader.join();
            }
        }
    }

    private void read(Iterator<String[]> records, RowNormaliser normaliser,
                      BlockingQueue<Future<RowNormaliser.Batch>> queue) {
        long row = 0;
        try {
            try {
                List<RowNormaliser.Raw> batch = new ArrayList<>(BATCH_ROWS);
                while (records.hasNext()) {
                    batch.add(new RowNormaliser.Raw(++row, records.next()));
                    if (batch.size() == BATCH_ROWS) {
                        List<RowNormaliser.Raw> full = batch;
                        queue.put(normalisers.submit(() -> normaliser.normalise(full)));
                        batch = new ArrayList<>(BATCH_ROWS);
                    }
                }
                if (!batch.isEmpty()) {
                    List<RowNormaliser.Raw> last = batch;
                    queue.put(normalisers.submit(() -> normaliser.normalise(last)));
                }
                queue.put(END);
            } catch (RuntimeException e) {
                queue.put(CompletableFuture.failedFuture(new IllegalStateException(
                        "the CSV could not be read after data row " + row + ": " + e.getMessage(), e)));
            }
        } catch (InterruptedException e) {
            // the writer stopped; nobody waits for more batches
        }
    }

    private void write(BlockingQueue<Future<RowNormaliser.Batch>> queue, ColumnMapping mapping) throws Exception {
        PartitionWriter[] writers = new PartitionWriter[partitions];
        ImportChunk[] open = new ImportChunk[partitions];
        for (int p = 0; p < partitions; p++) {
            writers[p] = new PartitionWriter("contact-import-" + id + "-writer-" + p, this::flush);
            open[p] = chunk(mapping);
        }
        try {
            while (true) {
                RowNormaliser.Batch batch;
                try {
                    batch = queue.take().get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                if (batch == null) {
                    break;
                }
                for (StagedRow r : batch.rows()) {
                    int p = partition(r);
                    open[p].add(r);
                    if (open[p].processed >= chunkRows) {
                        writers[p].submit(open[p]);
                        open[p] = chunk(mapping);
                    }
                }
                for (RejectedRow r : batch.rejected()) {
                    open[(int) (r.row() % partitions)].reject(r);
                }
            }
            for (int p = 0; p < partitions; p++) {
                if (open[p].processed > 0) {
                    writers[p].submit(open[p]);
                }
            }
            for (PartitionWriter w : writers) {
                w.finish();
            }
        } finally {
            for (PartitionWriter w : writers) {
                w.abort();
            }
        }
    }

    /** All rows with one match key go to one partition, so their order in the file is kept. */
    private int partition(StagedRow r) {
        String key = StagedRow.MATCH_EMAIL.equals(r.matchOn) ? r.email : r.phone;
        return Math.floorMod(key.hashCode() * 0x9E3779B9, partitions);
    }

    private ImportChunk chunk(ColumnMapping mapping) {
        return new ImportChunk(options.onDuplicate(), mapping.header(ColumnMapping.Field.EMAIL),
                mapping.header(ColumnMapping.Field.PHONE));
    }

    /** Loads one chunk in one transaction; runs on the partition's writer thread. */
    private void flush(ImportChunk chunk) {
        boolean update = options.onDuplicate() == ImportOptions.OnDuplicate.UPDATE;
        for (int attempt = 1; ; attempt++) {
            int[] reserved = {0};
            try {
                tx.executeWithoutResult(s -> {
                    ImportStore.ChunkResult r = store.loadChunk(chunk, update);
                    reserved[0] = reserveListing(r.rejected().size());
                    store.recordProgress(id, chunk.processed, r, r.rejected().subList(0, reserved[0]));
                });
                return;
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                // Another writer (of this import or another) stored one of these emails or phones
                // between our lookup and our insert, or we deadlocked on such a pair. The chunk rolled
                // back whole; looking again sees their row and merges into it or rejects against it.
                releaseListing(reserved[0]);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                releaseListing(reserved[0]);
                throw e;
            }
        }
    }

    /** How many of {@code wanted} rejections may still be listed in the status. */
    private synchronized int reserveListing(int wanted) {
        int granted = (int) Math.min(wanted, Math.max(0, MAX_LISTED_REJECTIONS - listedRejections));
        listedRejections += granted;
        return granted;
    }

    private synchronized void releaseListing(int granted) {
        listedRejections -= granted;
    }
}
