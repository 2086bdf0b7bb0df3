package io.tidings.dispatch;

import io.tidings.TidingsApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * One Spring context for every dispatch test. Its own workers serve only {@link #AUTO_CHANNEL}; the
 * tests build workers by hand, with their own node ids, on channels whose names are unique per run,
 * because the database outlives test runs.
 */
@SpringBootTest(classes = {TidingsApplication.class, DispatchTestSupport.AutoChannelConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"tidings.node-id=dispatch-test-node", "tidings.dispatch.poll-interval=50ms",
                "tidings.dispatch.retry-base=50ms", "tidings.dispatch.retry-cap=200ms"})
abstract class DispatchTestSupport {

    static final String AUTO_CHANNEL = "dispatch-test-auto";

    @TestConfiguration(proxyBeanMethods = false)
    static class AutoChannelConfig {
        @Bean
        TestChannel autoChannel() {
            return new TestChannel(AUTO_CHANNEL, "auto");
        }
    }

    @Autowired
    DispatchApi api;
    @Autowired
    DispatchStore store;
    @Autowired
    DispatchSettings settings;
    @Autowired
    JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Settings for hand-built workers: short lease and quick retries keep tests in seconds. */
    DispatchSettings fast() {
        return settings.withLease(Duration.ofSeconds(5)).withSendTimeout(Duration.ofSeconds(5))
                .withRetry(Duration.ofMillis(20), Duration.ofMillis(80)).withBatchSize(50);
    }

    ChannelWorker worker(Channel channel, String node, DispatchSettings s) {
        return new ChannelWorker(channel, store, s, node, new Backoff(s.retryBase(), s.retryCap(), new Random()));
    }

    List<Long> enqueue(String channel, int count) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(OutgoingMessage.of(channel, "+1555000" + String.format("%04d", i),
                    "{\"text\":\"message " + i + "\"}", channel + "/" + i));
        }
        return api.enqueueAll(messages);
    }

    long countIn(String channel, MessageState state) {
        return api.counts(channel).get(state);
    }

    /** Runs rounds until done, honouring the worker's pauses but never sleeping long. */
    static void runUntil(ChannelWorker worker, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not done within " + timeout);
            }
            ChannelWorker.Round r = worker.pollOnce();
            sleep(r.pause().compareTo(Duration.ofMillis(20)) > 0 ? Duration.ofMillis(20) : r.pause());
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
