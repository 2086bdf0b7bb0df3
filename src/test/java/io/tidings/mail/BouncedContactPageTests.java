package io.tidings.mail;

import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact's page tells that its address bounced, and an admin or marketer can say it works again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BouncedContactPageTests {

    @LocalServerPort
    int port;
    @Autowired
    MailApi mail;
    @Autowired
    ContactsApi contacts;
    @Autowired
    AccountsApi accounts;

    @Test
    void aBouncedAddressShowsOnTheContactPageAndAMarketerClearsItWhileASalespersonCannot() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "bounced-" + run + "@example.org";
        long id = contacts.create(NewContact.of("Bounced " + run, address, null)).id();
        mail.addressHealth().recordBounce(address, true, "5.1.1 user unknown");
        String page = "/contacts/" + id;

        WebSession seller = new WebSession(port);
        accounts.createUser("seller-" + run, "Seller", null, "password-" + run, Role.SALESPERSON);
        seller.login("seller-" + run, "password-" + run);
        String html = seller.get(page).body();
        assertThat(html).contains("no mail is sent to this address", "5.1.1 user unknown").doesNotContain("id=\"clear-bounce\"");
        seller.postForm(page + "/mail-health/clear", Map.of("_csrf", seller.csrfFrom(page)));
        assertThat(mail.addressHealth().isBounced(address)).isTrue();

        WebSession marketer = new WebSession(port);
        accounts.createUser("marketer-" + run, "Marketer", null, "password-" + run, Role.MARKETER);
        marketer.login("marketer-" + run, "password-" + run);
        assertThat(marketer.get(page).body()).contains("id=\"clear-bounce\"");
        assertThat(marketer.postForm(page + "/mail-health/clear", Map.of("_csrf", marketer.csrfFrom(page))).statusCode()).isEqualTo(302);
        assertThat(mail.addressHealth().isBounced(address)).isFalse();
        assertThat(marketer.get(page).body()).contains("no bounces");
    }
}
