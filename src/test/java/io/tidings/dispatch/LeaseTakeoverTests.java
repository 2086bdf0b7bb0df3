package io.tidings.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseTakeoverTests extends DispatchTestSupport {

    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

    @Autowired
    DataSource dataSource;

    @Test
    void aDeadWorkersLeaseExpiresAndAnotherNodeFinishesTheBatchWhileItsLateResultIsRejected() throws Exception {
        String channel = unique("takeover");
        List<Long> ids = enqueue(channel, 20);
        TestChannel hung = new TestChannel(channel, "A").hangs();
        TestChannel healthy = new TestChannel(channel, "B");
        DispatchSettings s = fast().withLease(SHORT_LEASE).withSendTimeout(Duration.ofSeconds(30));

        try (ChannelWorker a = worker(hung, "node-a", s); ChannelWorker b = worker(healthy, "node-b", s);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ChannelWorker.Round> roundOfA = pool.submit(a::pollOnce);
            assertThat(hung.awaitHanging(Duration.ofSeconds(5))).isTrue();
            assertThat(api.find(ids.getFirst()).orElseThrow().leaseOwner()).isEqualTo("node-a");
            assertThat(b.pollOnce().claimed()).as("the lease still holds").isZero();

            runUntil(b, () -> countIn(channel, MessageState.SENT) == 20, Duration.ofSeconds(10));
            hung.release();
            ChannelWorker.Round late = roundOfA.get(5, TimeUnit.SECONDS);

            assertThat(late.claimed()).isEqualTo(20);
            assertThat(late.rejected()).isEqualTo(20);
        }
        assertThat(hung.sentPerKey()).hasSize(20);
        assertThat(healthy.sentPerKey()).hasSize(20).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertEverySentOnceBy(ids, "B-", 2);
    }

    @Test
    void aWorkerInterruptedMidBatchNeverReportsAndItsWorkIsTakenOver() throws Exception {
        String channel = unique("interrupted");
        List<Long> ids = enqueue(channel, 10);
        TestChannel hung = new TestChannel(channel, "A").hangs();
        TestChannel healthy = new TestChannel(channel, "B");
        DispatchSettings s = fast().withLease(SHORT_LEASE).withSendTimeout(Duration.ofSeconds(30));

        try (ChannelWorker a = worker(hung, "node-a", s); ChannelWorker b = worker(healthy, "node-b", s)) {
            CompletableFuture<ChannelWorker.Round> roundOfA = new CompletableFuture<>();
            Thread threadOfA = Thread.ofVirtual().start(() -> roundOfA.complete(a.pollOnce()));
            assertThat(hung.awaitHanging(Duration.ofSeconds(5))).isTrue();
            threadOfA.interrupt();

            assertThat(roundOfA.get(5, TimeUnit.SECONDS).abandoned()).isTrue();
            runUntil(b, () -> countIn(channel, MessageState.SENT) == 10, Duration.ofSeconds(10));
        }
        assertThat(hung.calls()).isEmpty();
        assertEverySentOnceBy(ids, "B-", 2);
    }

    @Test
    void aWorkerInAnotherProcessKilledMidBatchLosesNothing() throws Exception {
        String channel = unique("killed-jvm");
        List<Long> ids = enqueue(channel, 15);
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ClaimThenHang.class.getName(), url, user, channel, "node-killed", String.valueOf(SHORT_LEASE.toMillis()), "100")
                .redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("claimed 15");
            assertThat(api.find(ids.getFirst()).orElseThrow().leaseOwner()).isEqualTo("node-killed");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        TestChannel healthy = new TestChannel(channel, "B");
        try (ChannelWorker b = worker(healthy, "node-b", fast().withLease(SHORT_LEASE))) {
            runUntil(b, () -> countIn(channel, MessageState.SENT) == 15, Duration.ofSeconds(10));
        }
        assertThat(healthy.sentPerKey()).hasSize(15).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertEverySentOnceBy(ids, "B-", 2);
        assertThat(api.history(ids.getFirst())).extracting(DispatchEvent::detail)
                .contains("attempt 1 by node-killed", "attempt 2 by node-b");
    }

    @Test
    void aLateResultOfAnEarlierAttemptIsDroppedEvenOnTheSameNode() {
        String channel = unique("fence");
        long id = enqueue(channel, 1).getFirst();
        QueuedMessage first = store.claim(channel, "node-a", Duration.ofMillis(100), 1).getFirst();
        sleep(Duration.ofMillis(150));
        QueuedMessage second = store.claim(channel, "node-a", Duration.ofSeconds(30), 1).getFirst();

        int late = store.markSent("node-a", new long[]{id}, new int[]{first.attempt()}, new String[]{"late"});
        int current = store.markSent("node-a", new long[]{id}, new int[]{second.attempt()}, new String[]{"current"});

        assertThat(late).isZero();
        assertThat(current).isEqualTo(1);
        assertThat(api.find(id).orElseThrow().providerMessageId()).isEqualTo("current");
    }

    @Test
    void aLeaseThatRunsOutOnTheLastAttemptFailsTheMessageInsteadOfSendingItAgain() {
        String channel = unique("last-lease");
        long id = api.enqueue(OutgoingMessage.of(channel, "+1", "{}", channel + "/1").withMaxAttempts(1));
        assertThat(store.claim(channel, "node-dead", Duration.ofMillis(100), 1)).hasSize(1);
        sleep(Duration.ofMillis(150));
        TestChannel healthy = new TestChannel(channel, "B");

        try (ChannelWorker b = worker(healthy, "node-b", fast())) {
            assertThat(b.pollOnce().claimed()).isZero();
        }
        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.lastError()).contains("lease");
        assertThat(healthy.calls()).isEmpty();
    }

    private void assertEverySentOnceBy(List<Long> ids, String providerPrefix, int attempts) {
        for (long id : ids) {
            DispatchedMessage m = api.find(id).orElseThrow();
            assertThat(m.state()).isEqualTo(MessageState.SENT);
            assertThat(m.providerMessageId()).startsWith(providerPrefix);
            assertThat(m.attempts()).isEqualTo(attempts);
            assertThat(api.history(id)).filteredOn(e -> e.state() == MessageState.SENT).hasSize(1);
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            String line;
            // the child may log a warning first; the line we wait for is ours
            while ((line = in.readLine()) != null && !line.startsWith("claimed ")) {
            }
            return line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
