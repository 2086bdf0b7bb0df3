package io.tidings.contacts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-based consent and blocklist questions a sender asks once per batch agree with the one-by-one ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchConsentTests {

    @Autowired
    ContactsApi contacts;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    private String email(String who) {
        return who + "-" + run + "@batch.example.com";
    }

    @Test
    void oneBlocklistCheckNamesTheBlockedAndTheInvalidAddressesAsTheyWereGiven() {
        String blocked = email("blocked");
        String fine = email("fine");
        contacts.block(Channel.EMAIL, blocked, "asked us to stop", "test");
        String shouted = blocked.toUpperCase();

        BlocklistCheck check = contacts.checkBlocklist(Channel.EMAIL, List.of(blocked, shouted, fine, "nobody@localhost", "two@@x.com"));

        assertThat(check.blocked()).containsExactlyInAnyOrder(blocked, shouted);
        assertThat(check.invalid()).containsOnlyKeys("nobody@localhost", "two@@x.com");
        assertThat(check.invalid().get("nobody@localhost")).contains("no dot");
        for (String a : List.of(blocked, shouted, fine)) {
            assertThat(check.blocked().contains(a)).isEqualTo(contacts.isBlocked(Channel.EMAIL, a));
        }
    }

    @Test
    void marketingRefusalsForManyContactsMatchTheSingleAnswerAndNameUnknownIds() {
        long willing = contacts.create(NewContact.of("Willing " + run, email("willing"), null)).id();
        long optedOut = contacts.create(NewContact.of("Out " + run, email("out"), null)).id();
        contacts.changeConsent(optedOut, new ConsentChange(Channel.EMAIL, ConsentState.OPTED_OUT, "test", null, "test", null));
        String blockedEmail = email("blocked-contact");
        long blocked = contacts.create(NewContact.of("Blocked " + run, blockedEmail, null)).id();
        contacts.block(Channel.EMAIL, blockedEmail, "bounced elsewhere", "test");
        long noEmail = contacts.create(NewContact.of("Phone only " + run, null, "+4915112345" + (100 + Math.abs(run.hashCode() % 800)))).id();
        long unknown = Long.MAX_VALUE - 7;

        Map<Long, String> refusals = contacts.marketingRefusals(List.of(willing, optedOut, blocked, noEmail, unknown), Channel.EMAIL);

        assertThat(refusals).doesNotContainKey(willing).containsKeys(optedOut, blocked, noEmail, unknown);
        assertThat(refusals.get(optedOut)).contains("opted out");
        assertThat(refusals.get(blocked)).contains("blocklist");
        assertThat(refusals.get(unknown)).contains("no contact with id");
        for (long id : List.of(willing, optedOut, blocked, noEmail, unknown)) {
            assertThat(refusals.get(id)).isEqualTo(contacts.marketingRefusal(id, Channel.EMAIL).orElse(null));
        }
    }

    @Test
    void contactIdsAreFoundByEmailWhateverItsCase() {
        String a = email("Mixed.Case");
        long id = contacts.create(NewContact.of("Mixed " + run, a, null)).id();

        Map<String, Long> ids = contacts.contactIdsByEmail(List.of(a.toUpperCase(), email("nobody")));

        assertThat(ids).containsExactly(Map.entry(a.toLowerCase(), id));
    }
}
