package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentEntry;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboundTests extends SmsSendTestSupport {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    io.tidings.accounts.AccountsApi accounts;

    private SmsProvider provider() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        return p;
    }

    private void receive(SmsProvider p, String from, String text) {
        sink.inbound(new InboundSms("sandbox:" + p.id(), "IN" + UUID.randomUUID(), from, "+12025550100", text, Instant.now()));
    }

    /** Replies belong to no send; they are the contact's messages without a send id. */
    private List<SmsMessageLog> repliesTo(Contact c) {
        return sms.messages(null, c.id()).stream().filter(m -> m.sendId() == null).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", " stop ", "ｓｔｏｐ", "退订", "td", "Unsubscribe"})
    void anOptOutKeywordOptsTheNumberOutWithAConsentEntryAndOneConfirmation(String keyword) {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);

        receive(p, c.phone(), keyword);

        assertThat(contacts.get(c.id()).smsConsent()).isEqualTo(ConsentState.OPTED_OUT);
        ConsentEntry entry = contacts.consentLog(c.id()).getLast();
        assertThat(entry.how()).isEqualTo("sms-keyword");
        assertThat(entry.source()).isEqualTo(Keywords.normalise(keyword));
        assertThat(entry.ip()).isNull();
        assertThat(repliesTo(c)).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("unsubscribed");
            assertThat(m.providerId()).as("answered through the provider that received it").isEqualTo(p.id());
        });
        assertThat(sms.repliesFor(c.id())).singleElement().extracting(SmsReply::kind).isEqualTo("opt_out");
    }

    @Test
    void aRepeatedWebhookOfTheSameStopSendsNoSecondConfirmation() {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);
        InboundSms stop = new InboundSms("sandbox:" + p.id(), "IN" + UUID.randomUUID(), c.phone(), "+12025550100", "STOP", Instant.now());

        sink.inbound(stop);
        sink.inbound(stop);

        assertThat(repliesTo(c)).hasSize(1);
        assertThat(contacts.consentLog(c.id())).filteredOn(e -> e.channel() == Channel.SMS).hasSize(1);
    }

    @Test
    void startOptsBackInWithAConfirmation() {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);
        receive(p, c.phone(), "STOP");

        receive(p, c.phone(), "start");

        assertThat(contacts.get(c.id()).smsConsent()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(contacts.consentLog(c.id()).getLast().how()).isEqualTo("sms-keyword");
        assertThat(repliesTo(c)).hasSize(2).first().satisfies(m -> assertThat(m.text()).contains("subscribed again"));
    }

    @Test
    void helpIsAnsweredWithTheHelpText() {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);

        receive(p, c.phone(), "Help");

        assertThat(repliesTo(c)).singleElement().satisfies(m -> assertThat(m.text()).contains("Reply STOP"));
        assertThat(contacts.get(c.id()).smsConsent()).isNotEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void anyOtherMessageIsStoredAndListedForTheContact() {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);

        receive(p, c.phone(), "Is the blue one still in stock?");

        assertThat(sms.repliesFor(c.id())).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Is the blue one still in stock?");
            assertThat(r.kind()).isEqualTo("reply");
            assertThat(r.from()).isEqualTo(c.phone());
        });
        assertThat(repliesTo(c)).isEmpty();
        assertThat(contacts.get(c.id()).smsConsent()).isNotEqualTo(ConsentState.OPTED_OUT);
    }

    @Test
    void repliesAreListedOverTheApi() throws Exception {
        SmsProvider p = provider();
        Contact c = contact(usMobile(), null);
        receive(p, c.phone(), "Thanks!");
        String token = accounts.createToken("sms-viewer-" + UUID.randomUUID(), io.tidings.accounts.Role.VIEWER, null).secret();

        var r = new io.tidings.ApiClient(port).call("GET", "/api/v1/sms/replies?contactId=" + c.id(), token, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(io.tidings.ApiClient.json(r).get(0).get("text").asString()).isEqualTo("Thanks!");
    }
}
