package io.tidings.mail;

import io.tidings.threads.RecordRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed reply, bounce and unsubscribe addresses: they name what they were made for, and nothing forged passes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MailTokensTests {

    @Autowired
    MailApi mail;

    @Test
    void aReplyAddressNamesItsRecordAndSurvivesCaseFolding() {
        String address = mail.tokens().replyAddress(RecordRef.lead(4711));
        assertThat(address).startsWith("reply+lead-4711-").endsWith("@" + mail.settings().domain());
        assertThat(mail.tokens().parseReply(address)).contains(RecordRef.lead(4711));
        assertThat(mail.tokens().parseReply("<" + address.toUpperCase() + ">")).contains(RecordRef.lead(4711));
    }

    @Test
    void aReplyAddressWithAnotherIdOrAForgedSignatureNamesNothing() {
        String address = mail.tokens().replyAddress(RecordRef.order(12));
        assertThat(mail.tokens().parseReply(address.replace("order-12-", "order-13-"))).isEmpty();
        assertThat(mail.tokens().parseReply(address.replace("order-", "lead-"))).isEmpty();
        assertThat(mail.tokens().parseReply("reply+order-12-00000000000000000000@x")).isEmpty();
        assertThat(mail.tokens().parseReply("someone@example.com")).isEmpty();
        assertThat(mail.tokens().parseReply(null)).isEmpty();
    }

    @Test
    void aBounceAddressNamesItsDispatchMessageAndNoOther() {
        String address = mail.tokens().bounceAddress(987654321L);
        assertThat(mail.tokens().parseBounce(address)).contains(987654321L);
        assertThat(mail.tokens().parseBounce(address.replace("987654321", "987654322"))).isEmpty();
        assertThat(mail.tokens().parseBounce(mail.tokens().replyAddress(RecordRef.lead(1)))).isEmpty();
    }

    @Test
    void anUnsubscribeTokenNamesItsAddressAndATamperedOneNothing() {
        String who = "Unsub-" + UUID.randomUUID() + "@Example.com";
        String token = mail.tokens().unsubscribeToken(who);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(mail.tokens().parseUnsubscribe(token)).contains(who.toLowerCase());
        String other = mail.tokens().unsubscribeToken("other@example.com");
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(mail.tokens().parseUnsubscribe(forged)).isEmpty();
        assertThat(mail.tokens().parseUnsubscribe("%%%.abc")).isEmpty();
        assertThat(mail.tokens().parseUnsubscribe("")).isEmpty();
    }

    @Test
    void theDkimKeyIsRsa2048AndTheSameOnEveryAsk() {
        var key = mail.dkimKey();
        assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.txtRecord()).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(key.dnsName()).isEqualTo(mail.settings().dkimSelector() + "._domainkey." + mail.settings().domain());
        assertThat(mail.dkimKey().publicKey()).isEqualTo(key.publicKey());
    }
}
