package io.tidings.sms.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs one call per item on virtual threads with at most {@code concurrency} in flight, and returns the
 * results in input order. HTTP providers answer one message per request, so a batch of 100 sent one by
 * one would take 100 round trips; unbounded, it would trip the provider's concurrency limit.
 */
public final class BoundedBatch {

    private BoundedBatch() {
    }

    /** A call that throws gives {@code onFailure}'s result for its item; the batch itself never throws. */
    public static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> call,
                                     BiFunction<T, Throwable, R> onFailure) {
        if (items.size() == 1) {
            return List.of(safely(items.getFirst(), call, onFailure));
        }
        Semaphore permits = new Semaphore(Math.max(1, concurrency));
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                // acquired here, not in the task, so no more than `concurrency` threads even exist at once
                permits.acquireUninterruptibly();
                futures.add(threads.submit(() -> {
                    try {
                        return safely(item, call, onFailure);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                results.add(onFailure.apply(items.get(i), e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(onFailure.apply(items.get(i), e));
            }
        }
        return results;
    }

    private static <T, R> R safely(T item, Function<T, R> call, BiFunction<T, Throwable, R> onFailure) {
        try {
            return call.apply(item);
        } catch (RuntimeException e) {
            return onFailure.apply(item, e);
        }
    }
}
