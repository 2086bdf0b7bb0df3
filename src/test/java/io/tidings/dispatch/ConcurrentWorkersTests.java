package io.tidings.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentWorkersTests extends DispatchTestSupport {

    @Test
    void twoConcurrentClaimsNeverShareAMessage() throws Exception {
        String channel = unique("claim-race");
        enqueue(channel, 300);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<QueuedMessage>>> claims = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (String node : List.of("node-a", "node-b")) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return store.claim(channel, node, Duration.ofSeconds(30), 200);
                }));
            }
            start.countDown();
            Set<Long> a = ids(claims.get(0).get());
            Set<Long> b = ids(claims.get(1).get());

            assertThat(a).doesNotContainAnyElementsOf(b);
            assertThat(a.size() + b.size()).isEqualTo(300);
        }
    }

    @Test
    void twoWorkersOnDifferentNodesSendEveryMessageExactlyOnce() throws Exception {
        String channel = unique("two-nodes");
        int count = 600;
        enqueue(channel, count);
        // One shared channel counts sends per idempotency key across both workers.
        TestChannel sms = new TestChannel(channel, "prov").takes(Duration.ofMillis(3));
        DispatchSettings s = fast().withBatchSize(25);
        try (ChannelWorker a = worker(sms, "node-a", s); ChannelWorker b = worker(sms, "node-b", s);
             var pool = Executors.newFixedThreadPool(2)) {
            Callable<Void> runA = () -> { runUntil(a, () -> countIn(channel, MessageState.SENT) == count, Duration.ofSeconds(30)); return null; };
            Callable<Void> runB = () -> { runUntil(b, () -> countIn(channel, MessageState.SENT) == count, Duration.ofSeconds(30)); return null; };
            Future<Void> fa = pool.submit(runA);
            Future<Void> fb = pool.submit(runB);
            fa.get();
            fb.get();
        }

        assertThat(sms.sentPerKey()).hasSize(count).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(api.counts(channel).get(MessageState.SENT)).isEqualTo(count);
        List<String> owners = jdbc.sql("""
                select distinct substring(detail from ' by (.*)$') from dispatch_events e
                join dispatch_messages m on m.id = e.message_id
                where m.channel = :channel and e.state = 'sending'
                """).param("channel", channel).query(String.class).list();
        assertThat(owners).as("both nodes did part of the work").containsExactlyInAnyOrder("node-a", "node-b");
        long sentEvents = jdbc.sql("""
                select count(*) from dispatch_events e join dispatch_messages m on m.id = e.message_id
                where m.channel = :channel and e.state = 'sent'
                """).param("channel", channel).query(Long.class).single();
        assertThat(sentEvents).isEqualTo(count);
    }

    private static Set<Long> ids(List<QueuedMessage> batch) {
        Set<Long> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.id()));
        assertThat(ids).hasSize(batch.size());
        return ids;
    }
}
