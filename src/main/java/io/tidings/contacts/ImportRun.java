package io.tidings.contacts;

import de.siegmar.fastcsv.reader.CsvReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
 * One import, start to finish, as a three-stage pipeline so the two cores and PostgreSQL are busy
 * at once: a reader thread parses CSV into batches; the shared normaliser pool validates them and
 * parses phones (the expensive part) in parallel; this thread takes the batches back in file order,
 * deduplicates them into chunks and loads each chunk in one transaction. A bounded queue between
 * reader and writer keeps memory flat however large the file is.
 */
final class ImportRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    static final int BATCH_ROWS = 1000;
    static final int MAX_LISTED_REJECTIONS = 10_000;
    private static final int QUEUE_BATCHES = 64;
    private static final int ATTEMPTS = 3;
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
    private long listedRejections;

    ImportRun(long id, Path file, boolean deleteAfter, ImportOptions options, ImportStore store,
              PhoneNormaliser phones, ExecutorService normalisers, TransactionTemplate tx, int chunkRows) {
        this.id = id;
        this.file = file;
        this.deleteAfter = deleteAfter;
        this.options = options;
        this.store = store;
        this.phones = phones;
        this.normalisers = normalisers;
        this.tx = tx;
        this.chunkRows = chunkRows;
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

    private void execute() throws Exception {
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
        ImportChunk chunk = chunk(mapping);
        long waited = 0;
        while (true) {
            RowNormaliser.Batch batch;
            try {
                long w0 = System.nanoTime();
                batch = queue.take().get();
                waited += System.nanoTime() - w0;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (batch == null) {
                break;
            }
            chunk.add(batch);
            if (chunk.processed >= chunkRows) {
                System.err.printf("waited for batches %d ms%n", waited / 1_000_000);
                waited = 0;
                long f0 = System.nanoTime();
                flush(chunk);
                System.err.printf("flush %d ms%n", (System.nanoTime() - f0) / 1_000_000);
                chunk = chunk(mapping);
            }
        }
        if (chunk.processed > 0) {
            flush(chunk);
        }
    }

    private ImportChunk chunk(ColumnMapping mapping) {
        return new ImportChunk(options.onDuplicate(), mapping.header(ColumnMapping.Field.EMAIL),
                mapping.header(ColumnMapping.Field.PHONE));
    }

    private void flush(ImportChunk chunk) {
        boolean update = options.onDuplicate() == ImportOptions.OnDuplicate.UPDATE;
        for (int attempt = 1; ; attempt++) {
            try {
                int listed = tx.execute(s -> {
                    ImportStore.ChunkResult r = store.loadChunk(chunk, update);
                    int room = (int) Math.max(0, MAX_LISTED_REJECTIONS - listedRejections);
                    List<RejectedRow> toList = r.rejected().subList(0, Math.min(room, r.rejected().size()));
                    store.recordProgress(id, chunk.processed, r, toList);
                    return toList.size();
                });
                listedRejections += listed;
                return;
            } catch (DuplicateKeyException e) {
                // Someone else stored one of these emails or phones between our lookup and our insert.
                // The chunk rolled back whole; a second look sees their row and merges into it.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
