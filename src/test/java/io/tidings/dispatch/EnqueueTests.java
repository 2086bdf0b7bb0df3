package io.tidings.dispatch;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnqueueTests extends DispatchTestSupport {

    @Test
    void enqueueingTheSameKeyTwiceReturnsTheFirstIdAndKeepsOneRow() {
        String channel = unique("enq");
        OutgoingMessage m = OutgoingMessage.of(channel, "+15550001", "{\"text\":\"hi\"}", channel + "/k");

        long first = api.enqueue(m);
        long again = api.enqueue(m.withMaxAttempts(9));

        assertThat(again).isEqualTo(first);
        assertThat(rowsWithKey(channel + "/k")).isEqualTo(1);
        assertThat(api.history(first)).extracting(DispatchEvent::state).containsExactly(MessageState.QUEUED);
        assertThat(api.find(first).orElseThrow().maxAttempts()).isEqualTo(settings.maxAttempts());
    }

    @Test
    void enqueueAllKeepsTheGivenOrderAndIsIdempotentWithinAndAcrossBatches() {
        String channel = unique("enq-all");
        long existing = api.enqueue(OutgoingMessage.of(channel, "+1", "{}", channel + "/a"));
        List<OutgoingMessage> batch = List.of(
                OutgoingMessage.of(channel, "+2", "{}", channel + "/b"),
                OutgoingMessage.of(channel, "+1", "{}", channel + "/a"),
                OutgoingMessage.of(channel, "+3", "{}", channel + "/c").withTraffic(Traffic.MARKETING).withProvider("p1"),
                OutgoingMessage.of(channel, "+2", "{}", channel + "/b"));

        List<Long> ids = api.enqueueAll(batch);

        assertThat(ids).hasSize(4).doesNotContainNull();
        assertThat(ids.get(1)).isEqualTo(existing);
        assertThat(ids.get(3)).isEqualTo(ids.get(0));
        assertThat(Set.copyOf(ids)).hasSize(3);
        assertThat(api.enqueueAll(batch)).isEqualTo(ids);
        assertThat(api.counts(channel).get(MessageState.QUEUED)).isEqualTo(3);
        DispatchedMessage c = api.find(ids.get(2)).orElseThrow();
        assertThat(c.recipient()).isEqualTo("+3");
        assertThat(c.traffic()).isEqualTo(Traffic.MARKETING);
        assertThat(c.provider()).isEqualTo("p1");
        assertThat(api.history(ids.get(0))).hasSize(1);
    }

    @Test
    void concurrentEnqueuesOfOneKeyAllGetTheSameId() throws Exception {
        String channel = unique("enq-race");
        OutgoingMessage m = OutgoingMessage.of(channel, "+15550001", "{}", channel + "/same");
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return ids.add(api.enqueue(m));
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(rowsWithKey(channel + "/same")).isEqualTo(1);
    }

    @Test
    void thePayloadAndTheEarliestSendTimeAreKept() {
        String channel = unique("enq-later");
        Instant later = Instant.now().plus(Duration.ofHours(1));
        long id = api.enqueue(OutgoingMessage.of(channel, "+1", "{\"text\": \"later\"}", channel + "/1").notBefore(later));

        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.payload()).isEqualTo("{\"text\": \"later\"}");
        assertThat(m.nextAttemptAt()).isCloseTo(later, org.assertj.core.api.Assertions.within(Duration.ofMillis(1)));
        assertThat(store.claim(channel, "n1", Duration.ofSeconds(5), 10)).isEmpty();
    }

    @Test
    void aMessageCanBeCancelledOnlyWhileItIsQueued() {
        String channel = unique("cancel");
        List<Long> ids = enqueue(channel, 2);
        long first = ids.get(0);

        assertThat(api.cancel(first)).isTrue();
        assertThat(api.cancel(first)).isFalse();
        List<QueuedMessage> claimed = store.claim(channel, "n1", Duration.ofSeconds(5), 10);

        assertThat(claimed).extracting(QueuedMessage::id).containsExactly(ids.get(1));
        assertThat(api.cancel(ids.get(1))).isFalse();
        assertThat(api.find(first).orElseThrow().state()).isEqualTo(MessageState.CANCELLED);
        assertThat(api.find(ids.get(1)).orElseThrow().state()).isEqualTo(MessageState.SENDING);
        assertThat(api.history(first)).extracting(DispatchEvent::state)
                .containsExactly(MessageState.QUEUED, MessageState.CANCELLED);
        assertThat(api.cancel(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void countsNameEveryStateEvenWhenEmpty() {
        String channel = unique("counts");
        enqueue(channel, 3);
        assertThat(api.counts(channel)).containsEntry(MessageState.QUEUED, 3L)
                .containsEntry(MessageState.SENT, 0L).hasSize(MessageState.values().length);
        assertThat(api.counts().get(MessageState.QUEUED)).isGreaterThanOrEqualTo(3L);
    }

    @Test
    void aMessageWithoutRecipientOrKeyIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> OutgoingMessage.of("sms", " ", "{}", "k"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("recipient");
        assertThatThrownBy(() -> OutgoingMessage.of("sms", "+1", "{}", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("idempotencyKey");
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedWithTheFieldNamed() {
        String channel = unique("enq-json");
        assertThatThrownBy(() -> api.enqueue(OutgoingMessage.of(channel, "+1", "{text: hi}", channel + "/1")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("payload"));
        assertThatThrownBy(() -> api.enqueueAll(List.of(OutgoingMessage.of(channel, "+1", "nope", channel + "/2"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(api.counts(channel).get(MessageState.QUEUED)).isZero();
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("select count(*) from dispatch_messages where idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
