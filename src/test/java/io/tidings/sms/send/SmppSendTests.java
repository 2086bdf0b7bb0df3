package io.tidings.sms.send;

import io.tidings.dispatch.Traffic;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsRate;
import io.tidings.sms.smpp.SmscSimulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SmppSendTests extends SmsSendTestSupport {

    @Test
    void anSmppProviderIsRegisteredLikeAnyOtherAndCarriesASendToItsReceipts() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0, SmscSimulator.Options.defaults())) {
            SmsProvider p = providers.add("smpp", "smpp-" + UUID.randomUUID(), JSON.readTree(
                    "{\"host\":\"127.0.0.1\",\"port\":" + smsc.port() + ",\"systemId\":\"tidings\",\"password\":\"secret\","
                            + "\"sourceAddress\":\"TIDINGS\",\"windowSize\":16}"), true);
            sms.saveRate(new SmsRate(null, p.id(), "US", "transactional", "alphanumeric", 0, 4_200, "USD"));
            onlyThese(Set.of("US"), p.id());
            await(() -> providers.gateway(p.id()).up(), Duration.ofSeconds(10), () -> "the SMPP provider to bind");
            topUp(100);
            String to = usMobile();

            SendReceipt r = sms.send(SendRequest.text("Hello Zoë, your code is 4242", Traffic.TRANSACTIONAL, List.of(),
                    List.of(to)), "test");

            assertThat(awaitSend(r.sendId(), "settled").messages().get("delivered")).isEqualTo(1);
            assertThat(providers.get(p.id()).config().get("password").asString()).doesNotContain("secret");
            assertThat(smsc.received()).anySatisfy(m -> {
                assertThat(m.to()).isEqualTo(to);
                assertThat(m.from()).isEqualTo("TIDINGS");
                assertThat(m.text()).isEqualTo("Hello Zoë, your code is 4242");
            });
            providers.disable(p.id());
        }
    }
}
