package io.tidings.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportTests extends DispatchTestSupport {

    @Test
    void aDeliveryReportMovesASentMessageToDeliveredAndWritesHistory() {
        String channel = unique("dlr");
        long id = enqueue(channel, 1).getFirst();
        sendAll(channel);
        String providerId = api.find(id).orElseThrow().providerMessageId();

        assertThat(api.markDelivered(channel, providerId, "DELIVRD")).contains(id);
        assertThat(api.markDelivered(channel, providerId, "DELIVRD")).as("a repeated report changes nothing").isEmpty();

        assertThat(api.find(id).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        List<DispatchEvent> history = api.history(id);
        assertThat(history).extracting(DispatchEvent::state).containsExactly(
                MessageState.QUEUED, MessageState.SENDING, MessageState.SENT, MessageState.DELIVERED);
        assertThat(history.getLast().detail()).isEqualTo("DELIVRD");
        assertThat(history.get(2).detail()).isEqualTo(providerId);
    }

    @Test
    void aFailedDeliveryReportFailsTheSentMessageWithTheProvidersReason() {
        String channel = unique("dlr-fail");
        long id = enqueue(channel, 1).getFirst();
        sendAll(channel);
        String providerId = api.find(id).orElseThrow().providerMessageId();

        assertThat(api.markFailed(channel, providerId, "UNDELIV: absent subscriber")).contains(id);

        DispatchedMessage m = api.find(id).orElseThrow();
        assertThat(m.state()).isEqualTo(MessageState.FAILED);
        assertThat(m.lastError()).isEqualTo("UNDELIV: absent subscriber");
        assertThat(api.history(id).getLast().state()).isEqualTo(MessageState.FAILED);
    }

    @Test
    void aReportForAnUnknownIdOrAnotherChannelChangesNothing() {
        String channel = unique("dlr-other");
        long id = enqueue(channel, 1).getFirst();
        sendAll(channel);
        String providerId = api.find(id).orElseThrow().providerMessageId();

        assertThat(api.markDelivered(channel, "no-such-id", null)).isEmpty();
        assertThat(api.markDelivered(unique("elsewhere"), providerId, null)).isEmpty();
        assertThat(api.find(id).orElseThrow().state()).isEqualTo(MessageState.SENT);
    }

    private void sendAll(String channel) {
        try (ChannelWorker w = worker(new TestChannel(channel, "prov"), "node-d", fast())) {
            runUntil(w, () -> countIn(channel, MessageState.QUEUED) == 0 && countIn(channel, MessageState.SENDING) == 0,
                    Duration.ofSeconds(5));
        }
    }
}
