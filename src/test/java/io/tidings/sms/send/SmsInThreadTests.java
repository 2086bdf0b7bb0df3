package io.tidings.sms.send;

import io.tidings.contacts.Contact;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.InboundSms;
import io.tidings.sms.SmsProvider;
import io.tidings.threads.MessageKind;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SMS join the record thread: sent from a lead to its contact, and a contact's reply in the contact's thread. */
class SmsInThreadTests extends SmsSendTestSupport {

    @Autowired
    ThreadsApi threads;
    @Autowired
    RecordsApi records;

    private List<ThreadMessage> thread(RecordRef ref) {
        return threads.messages(ref, null, 50).messages();
    }

    @Test
    void anSmsSentFromALeadGoesToItsContactThroughTheSendPathAndShowsInTheThread() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        topUp(5);
        Contact c = contact(usMobile(), null);
        long lead = records.createLead(new NewLead("SMS lead " + UUID.randomUUID(), c.id(), null, null, null, null, null, null)).id();
        long available = credits.balance("default").available();

        ThreadMessage posted = threads.sendSms(RecordRef.lead(lead), "Your quote is ready", "test");

        assertThat(posted.kind()).isEqualTo(MessageKind.SMS_OUT);
        assertThat(posted.recipients()).containsExactly(c.phone());
        assertThat(thread(RecordRef.lead(lead))).extracting(ThreadMessage::body).contains("Your quote is ready");
        assertThat(sms.messages(null, c.id())).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Your quote is ready"));
        assertThat(credits.balance("default").available()).isEqualTo(available - 1);
    }

    @Test
    void aLeadWithoutAContactOrAContactWithoutAPhoneGetsAClearErrorAndNothingIsPosted() {
        long lead = records.createLead(NewLead.named("No contact " + UUID.randomUUID())).id();
        assertThatThrownBy(() -> threads.sendSms(RecordRef.lead(lead), "Hi", "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no contact");
        Contact noPhone = contacts.create(io.tidings.contacts.NewContact.of("No Phone", "np-" + UUID.randomUUID() + "@example.com", null));
        assertThatThrownBy(() -> threads.sendSms(RecordRef.contact(noPhone.id()), "Hi", "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no phone number");
        assertThat(thread(RecordRef.lead(lead))).noneMatch(m -> m.kind() == MessageKind.SMS_OUT);
        assertThat(thread(RecordRef.contact(noPhone.id()))).noneMatch(m -> m.kind() == MessageKind.SMS_OUT);
    }

    @Test
    void anOptedOutContactIsRefusedFromTheThreadWithNothingChargedOrPosted() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        topUp(5);
        Contact c = contact(usMobile(), null);
        optOut(c);
        long available = credits.balance("default").available();
        // transactional SMS may pass an opt-out by configuration; a blocklisted number never does
        contacts.block(io.tidings.contacts.Channel.SMS, c.phone(), "test", "test");

        assertThatThrownBy(() -> threads.sendSms(RecordRef.contact(c.id()), "Hi", "test")).isInstanceOf(InvalidInputException.class);
        assertThat(credits.balance("default").available()).isEqualTo(available);
        assertThat(thread(RecordRef.contact(c.id()))).noneMatch(m -> m.kind() == MessageKind.SMS_OUT);
    }

    @Test
    void aContactsSmsReplyLandsInTheContactsThreadOnceEvenWhenTheWebhookRepeats() {
        SmsProvider p = sandbox(cfg(""), 1_000);
        onlyThese(Set.of("US"), p.id());
        Contact c = contact(usMobile(), null);
        InboundSms reply = new InboundSms("sandbox:" + p.id(), "IN" + UUID.randomUUID(), c.phone(), "+12025550100",
                "Can we move the meeting to Friday?", Instant.now());

        sink.inbound(reply);
        sink.inbound(reply);

        assertThat(thread(RecordRef.contact(c.id()))).filteredOn(m -> m.kind() == MessageKind.SMS_IN).singleElement()
                .satisfies(m -> {
                    assertThat(m.body()).isEqualTo("Can we move the meeting to Friday?");
                    assertThat(m.authorAddress()).isEqualTo(c.phone());
                });
    }
}
