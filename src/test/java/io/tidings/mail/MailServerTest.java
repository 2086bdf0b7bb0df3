package io.tidings.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004: third-party mailbox providers have sending limits that make them unfit for campaigns. */
class MailServerTest {

    private static MailServer at(String host) {
        return new MailServer(1L, "s", host, 587, MailSecurity.STARTTLS, "u", MailServer.MASK, 0, true, "settings");
    }

    @Test
    void gmailAndOutlookServersAreMarkedAsMailboxProvidersAndARelayIsNot() {
        assertThat(at("smtp.gmail.com").mailboxProvider()).isTrue();
        assertThat(at("SMTP.Office365.com").mailboxProvider()).isTrue();
        assertThat(at("smtp-mail.outlook.com").mailboxProvider()).isTrue();
        assertThat(at("mail.example.com").mailboxProvider()).isFalse();
        assertThat(at("notgmail.com").mailboxProvider()).isFalse();
        assertThat(at("127.0.0.1").mailboxProvider()).isFalse();
    }
}
