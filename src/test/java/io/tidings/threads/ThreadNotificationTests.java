package io.tidings.threads;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.records.LeadPatch;
import io.tidings.records.RecordsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreadNotificationTests {

    @Autowired
    ThreadsApi threads;
    @Autowired
    RecordsApi records;
    @Autowired
    AccountsApi accounts;
    @Autowired
    ContactsApi contacts;
    @Autowired
    JdbcClient jdbc;

    ThreadFixtures data;

    @BeforeEach
    void setUp() {
        data = new ThreadFixtures(accounts, contacts, records, jdbc);
    }

    @Test
    void aStageChangeWritesAChangeMessageInTheLeadThread() {
        RecordRef lead = data.lead("Stage");
        String seller = data.user("seller");

        records.updateLead(lead.id(), LeadPatch.stage("qualified"), "admin");
        records.updateLead(lead.id(), LeadPatch.salesperson(seller), "admin");
        records.updateLead(lead.id(), LeadPatch.stage("qualified"), "admin");

        List<ThreadMessage> messages = threads.messages(lead, null, 50).messages();
        assertThat(messages).extracting(ThreadMessage::kind).containsOnly(MessageKind.CHANGE);
        assertThat(messages).extracting(ThreadMessage::body)
                .containsExactly("Salesperson: (none) → " + seller, "Stage: new → qualified");
        assertThat(messages.getLast().subtype()).isEqualTo(Subtype.STAGE_CHANGE);
        assertThat(messages.getLast().authorUser()).isEqualTo("admin");
    }

    @Test
    void followersAreNotifiedByTheirPreferenceAndTheAuthorIsNot() {
        RecordRef lead = data.lead("Prefs");
        String inboxUser = data.user("inbox");
        String emailUser = data.user("mailer");
        String author = data.user("author");
        threads.setNotificationPreference(emailUser, NotificationPreference.EMAIL);
        threads.setNotificationPreference(author, NotificationPreference.EMAIL);
        for (String u : List.of(inboxUser, emailUser, author)) {
            threads.follow(lead, Follower.user(u, Set.of()));
        }

        ThreadMessage m = threads.post(lead, NewMessage.email(author, "Offer", "Here is our offer.", List.of("client@example.com")));

        assertThat(threads.inbox(inboxUser).notifications()).extracting(Notification::messageId).containsExactly(m.id());
        assertThat(threads.inbox(emailUser).notifications()).isEmpty();
        assertThat(threads.inbox(author).notifications()).isEmpty();
        assertThat(data.queuedFor(m.id())).extracting(ThreadFixtures.Queued::recipient)
                .containsExactlyInAnyOrder("client@example.com", emailUser + "@staff.example.com");
        assertThat(data.queuedFor(m.id()).getFirst().payload())
                .contains("\"subject\": \"Offer\"", "\"record\": \"lead/" + lead.id() + "\"", "Here is our offer.");
    }

    @Test
    void followersOnlyHearAboutTheSubtypesTheyChose() {
        RecordRef lead = data.lead("Subtypes");
        String stagesOnly = data.user("stages");
        threads.follow(lead, Follower.user(stagesOnly, Set.of(Subtype.STAGE_CHANGE)));

        threads.post(lead, NewMessage.note("admin", "internal remark"));
        records.updateLead(lead.id(), LeadPatch.stage("won"), "admin");

        assertThat(threads.inbox(stagesOnly).notifications()).extracting(Notification::body)
                .containsExactly("Stage: new → won");
    }

    @Test
    void aNoteIsNeverQueuedAsEmailNotEvenForFollowersWhoPreferEmail() {
        RecordRef lead = data.lead("Note");
        String emailUser = data.user("mailer");
        threads.setNotificationPreference(emailUser, NotificationPreference.EMAIL);
        long customer = data.contact("Customer");
        threads.follow(lead, Follower.user(emailUser, Set.of()));
        threads.follow(lead, Follower.contact(customer, Set.of()));

        ThreadMessage note = threads.post(lead, NewMessage.note("admin", "Customer seems price sensitive"));
        ThreadMessage email = threads.post(lead, NewMessage.email("admin", "Hello", "Hi there", List.of()));

        assertThat(data.queuedFor(note.id())).isEmpty();
        assertThat(threads.inbox(emailUser).notifications()).extracting(Notification::messageId).containsExactly(note.id());
        // the same followers do get an email that is not internal
        assertThat(data.queuedFor(email.id())).extracting(ThreadFixtures.Queued::recipient)
                .containsExactlyInAnyOrder(emailUser + "@staff.example.com", data.emailOf(customer));
    }

    @Test
    void activitiesAreFlaggedOverdueAndMarkingDoneWritesOneMessage() {
        RecordRef lead = data.lead("Activities");
        String seller = data.user("seller");
        Activity late = threads.schedule(lead, new NewActivity("call", LocalDate.now().minusDays(2), seller, "Call back"), "admin");
        Activity later = threads.schedule(lead, new NewActivity("meeting", LocalDate.now().plusDays(7), seller, null), "admin");

        assertThat(late.overdue()).isTrue();
        assertThat(later.overdue()).isFalse();

        Activity done = threads.markDone(late.id(), seller);
        threads.markDone(late.id(), seller);

        assertThat(done.done()).isTrue();
        assertThat(done.overdue()).isFalse();
        assertThat(threads.messages(lead, null, 50).messages()).extracting(ThreadMessage::body)
                .containsExactly("Activity done: call — Call back");
    }

    @Test
    void theInboxListsNotificationsAndDueActivitiesAndMarksRead() {
        RecordRef lead = data.lead("Inbox");
        String me = data.user("me");
        threads.follow(lead, Follower.user(me, Set.of()));
        threads.post(lead, NewMessage.note("admin", "Please have a look"));
        Activity due = threads.schedule(lead, new NewActivity("to_do", LocalDate.now(), me, "Send quote"), "admin");
        threads.schedule(lead, new NewActivity("to_do", LocalDate.now().plusDays(3), me, "Not yet"), "admin");

        Inbox inbox = threads.inbox(me);

        assertThat(inbox.notifications()).extracting(Notification::body).containsExactly("Please have a look");
        assertThat(inbox.unread()).isEqualTo(1);
        assertThat(inbox.dueActivities()).extracting(Activity::id).containsExactly(due.id());
        assertThat(threads.markRead("someone-else", inbox.notifications().getFirst().id())).isFalse();
        assertThat(threads.markRead(me, inbox.notifications().getFirst().id())).isTrue();
        assertThat(threads.inbox(me).unread()).isZero();
    }

    @Test
    void aMessageIsFoundByItsMessageIdForReplyRouting() {
        RecordRef lead = data.lead("Routing");
        ThreadMessage sent = threads.post(lead, NewMessage.email("admin", "Hi", "Hello", List.of("x@example.com")));

        assertThat(sent.messageId()).matches("<[0-9a-f-]{36}@[^<>@]+>");
        assertThat(threads.findByMessageId(sent.messageId())).map(ThreadMessage::record).hasValue(lead);
    }

    @Test
    void anSmsPostedByAnotherModuleKeepsItsNumberAndIsNotQueuedAsEmailToIt() {
        long customer = data.contact("Sms");
        String emailUser = data.user("mailer");
        threads.setNotificationPreference(emailUser, NotificationPreference.EMAIL);
        threads.follow(RecordRef.contact(customer), Follower.user(emailUser, Set.of(Subtype.DISCUSSION)));

        ThreadMessage sms = threads.post(RecordRef.contact(customer), new NewMessage(MessageKind.SMS_OUT, "admin", null, null,
                "Your parcel is on its way", List.of("+4915112345678"), null, null));

        assertThat(sms.recipients()).containsExactly("+4915112345678");
        assertThat(sms.subtype()).isEqualTo(Subtype.DISCUSSION);
        assertThat(data.queuedFor(sms.id())).extracting(ThreadFixtures.Queued::recipient)
                .containsExactly(emailUser + "@staff.example.com");
    }

    @Test
    void postingOnceStoresAMessageIdOnceAndNotifiesTheFollowersOnce() {
        RecordRef lead = data.lead("Once");
        String inboxUser = data.user("once");
        threads.follow(lead, Follower.user(inboxUser, Set.of()));
        String messageId = "<once-" + System.nanoTime() + "@example.org>";
        NewMessage in = new NewMessage(MessageKind.EMAIL_IN, null, "client@example.com", null, "Thanks!", List.of(),
                messageId, null);

        java.util.Optional<ThreadMessage> first = threads.postOnce(lead, in, true);
        java.util.Optional<ThreadMessage> again = threads.postOnce(lead, in, true);

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(threads.messages(lead, null, 10).messages()).extracting(ThreadMessage::messageId).containsExactly(messageId);
        assertThat(threads.findByMessageId(messageId)).contains(first.get());
        assertThat(threads.inbox(inboxUser).notifications()).extracting(Notification::messageId)
                .containsExactly(first.get().id());
    }

    @Test
    void postingOnceWithoutNotifyingTellsNoFollowerAndANewMessageIdIsStoredEachTime() {
        RecordRef lead = data.lead("Quiet");
        String inboxUser = data.user("quiet");
        threads.follow(lead, Follower.user(inboxUser, Set.of()));

        threads.postOnce(lead, new NewMessage(MessageKind.EMAIL_IN, null, "bot@example.com", null, "Out of office",
                List.of(), "<a-" + System.nanoTime() + "@example.org>", null), false);
        threads.postOnce(lead, new NewMessage(MessageKind.EMAIL_IN, null, "bot@example.com", null, "Still out",
                List.of(), null, null), false);

        assertThat(threads.messages(lead, null, 10).messages()).hasSize(2);
        assertThat(threads.inbox(inboxUser).notifications()).isEmpty();
    }

    @Test
    void postingOnceToALeadThatDoesNotExistIsNotFound() {
        RecordRef missing = RecordRef.lead(987_654_321_012L);
        NewMessage in = new NewMessage(MessageKind.EMAIL_IN, null, "client@example.com", null, "hello", List.of(), null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> threads.postOnce(missing, in, true))
                .isInstanceOf(io.tidings.shared.NotFoundException.class).hasMessageContaining("There is no lead");
    }
}
