package io.tidings.sms.send;

import io.tidings.dispatch.Traffic;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends SmsSendTestSupport {

    @Test
    void theCheapestProviderThatIsUpCarriesTheMessage() {
        SmsProvider down = sandbox(cfg(""), 500);
        SmsProvider cheap = sandbox(cfg(""), 2_000);
        SmsProvider dear = sandbox(cfg(""), 3_000);
        onlyThese(Set.of("US"), down.id(), cheap.id(), dear.id());
        providers.gateway(down.id()).close();
        topUp(100);

        SendReceipt r = sms.send(SendRequest.text("Hi", Traffic.TRANSACTIONAL, List.of(), List.of(usMobile())), "test");

        assertThat(r.preview().costs().getFirst().micros()).isEqualTo(2_000);
        awaitSend(r.sendId(), "settled");
        assertThat(sms.messages(r.sendId(), null)).singleElement().satisfies(m -> {
            assertThat(m.providerId()).isEqualTo(cheap.id());
            assertThat(m.state()).isEqualTo("delivered");
        });
        providers.disable(down.id());
    }

    @Test
    void aProviderThatErrsIsFailedOverToTheNextCheapest() {
        SmsProvider throttled = sandbox(cfg("\"throttle\":true"), 1_000);
        SmsProvider next = sandbox(cfg(""), 2_000);
        onlyThese(Set.of("US"), throttled.id(), next.id());
        topUp(100);

        SendReceipt r = sms.send(SendRequest.text("Hi", Traffic.TRANSACTIONAL, List.of(), List.of(usMobile())), "test");

        assertThat(r.preview().costs().getFirst().micros()).as("priced on the cheapest route").isEqualTo(1_000);
        awaitSend(r.sendId(), "settled");
        SmsMessageLog m = sms.messages(r.sendId(), null).getFirst();
        assertThat(m.providerId()).isEqualTo(next.id());
        assertThat(m.priceMicros()).as("what the provider that sent it charges").isEqualTo(2_000);
        assertThat(m.state()).isEqualTo("delivered");
        assertThat(m.events()).extracting(SmsMessageLog.Event::state).containsSubsequence("queued", "failover", "sent", "delivered");
        assertThat(m.events()).filteredOn(e -> e.state().equals("failover")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("provider " + throttled.id()).contains("provider " + next.id()));
        providers.disable(throttled.id());
    }
}
