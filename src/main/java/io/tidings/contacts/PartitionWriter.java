package io.tidings.contacts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One thread with its own database connection that loads the chunks of one partition, in order.
 * Rows are partitioned by their match key, so every row of one person goes through the same writer
 * and a later row still lands after an earlier one; different people load in parallel.
 */
final class PartitionWriter {

    private static final ImportChunk END = new ImportChunk(ImportOptions.OnDuplicate.UPDATE, null, null);

    private final BlockingQueue<ImportChunk> chunks = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile Exception failure;

    PartitionWriter(String name, Consumer<ImportChunk> load) {
        thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                while (true) {
                    ImportChunk chunk = chunks.take();
                    if (chunk == END) {
                        return;
                    }
                    load.accept(chunk);
                }
            } catch (InterruptedException e) {
                // aborted: another writer failed
            } catch (Exception e) {
                failure = e;
            }
        });
    }

    /** Blocks while this writer is still busy with its previous chunk: back-pressure for the reader. */
    void submit(ImportChunk chunk) throws Exception {
        while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            rethrow();
            if (!thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " stopped");
            }
        }
    }

    /** Waits for the chunks handed over so far; rethrows what went wrong in any of them. */
    void finish() throws Exception {
        submit(END);
        thread.join();
        rethrow();
    }

    void abort() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    void rethrow() throws Exception {
        if (failure != null) {
            throw failure;
        }
    }
}
