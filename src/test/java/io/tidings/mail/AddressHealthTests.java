package io.tidings.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounce policy on the real database: hard at once, soft after the limit, a delivery resets the count. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AddressHealthTests {

    @Autowired
    MailApi mail;

    private static String fresh() {
        return "health-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aHardBounceMarksTheAddressBouncedAtOnce() {
        String a = fresh();
        assertThat(mail.addressHealth().isBounced(a)).isFalse();
        var h = mail.addressHealth().recordBounce(a.toUpperCase(), true, "5.1.1 user unknown");
        assertThat(h.bounced()).isTrue();
        assertThat(mail.addressHealth().isBounced(a)).isTrue();
        assertThat(h.lastReason()).isEqualTo("5.1.1 user unknown");
    }

    @Test
    void softBouncesMarkTheAddressOnlyAtTheLimit() {
        String a = fresh();
        int limit = mail.settings().softBounceLimit();
        for (int i = 1; i < limit; i++) {
            assertThat(mail.addressHealth().recordBounce(a, false, "4.2.2 mailbox full").bounced()).as("bounce %d", i).isFalse();
        }
        assertThat(mail.addressHealth().recordBounce(a, false, "4.2.2 mailbox full").bounced()).isTrue();
    }

    @Test
    void aDeliveryBetweenSoftBouncesStartsTheCountAgain() {
        String a = fresh();
        int limit = mail.settings().softBounceLimit();
        for (int i = 1; i < limit; i++) {
            mail.addressHealth().recordBounce(a, false, "4.4.1 timeout");
        }
        mail.addressHealth().recordDelivery(a);
        assertThat(mail.addressHealth().recordBounce(a, false, "4.4.1 timeout").bounced()).isEqualTo(limit == 1);
        assertThat(mail.addressHealth().health(a).orElseThrow().softBounces()).isEqualTo(1);
    }

    @Test
    void clearingABouncedAddressLetsMailGoAgain() {
        String a = fresh();
        mail.addressHealth().recordBounce(a, true, "5.1.1");
        assertThat(mail.addressHealth().clear(a)).isTrue();
        assertThat(mail.addressHealth().isBounced(a)).isFalse();
        assertThat(mail.addressHealth().clear(a)).isFalse();
    }
}
