package io.tidings.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser and the bounce-report reader on their own, with the inputs that usually break them. */
class InboundParserTests {

    private final InboundParser parser = new InboundParser();

    private InboundMessage parse(String raw) {
        return parser.parse(1, "s@example.org", List.of("r@localhost"), raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLatin1BodyLabelledWithAnUnknownCharsetIsReadAsLatin1() {
        InboundMessage m = parse("Subject: x\r\nContent-Type: text/plain; charset=klingon-8\r\n\r\nCaf\u00e9 cr\u00e8me\r\n");
        assertThat(m.text()).contains("Café crème");
    }

    @Test
    void utf8BytesWithoutACharsetAreReadAsUtf8() {
        byte[] raw = "Subject: x\r\nContent-Type: text/plain; charset=unknown-cs\r\n\r\n谢谢 — merci\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(1, "", List.of(), raw).text()).contains("谢谢 — merci");
    }

    @Test
    void multipartAlternativePrefersTheTextPartAndSanitisesTheHtml() {
        InboundMessage m = parse("Subject: alt\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\nplain words\r\n--x\r\nContent-Type: text/html\r\n\r\n"
                + "<p onmouseover=\"x()\">html <a href=\"javascript:x()\">words</a></p>\r\n--x--\r\n");
        assertThat(m.text()).isEqualTo("plain words");
        assertThat(m.htmlSanitized()).contains("html", "words").doesNotContain("onmouseover", "javascript");
    }

    @Test
    void attachmentsAreNotTakenForTheBody() {
        InboundMessage m = parse("Subject: att\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nsecret file\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\nthe message\r\n--x--\r\n");
        assertThat(m.text()).contains("the message").doesNotContain("secret file");
    }

    @Test
    void messageIdsReferencesAndAddressesAreExtractedFromMessyHeaders() {
        InboundMessage m = parse("From: \"Doe, Jane\" <JANE@Example.ORG>\r\nTo: a@localhost, \"B\" <reply+lead-1-abc@localhost>\r\n"
                + "Cc: broken <<not an address\r\nMessage-ID:   <id-1@example.org>  (comment)\r\n"
                + "In-Reply-To: Your message of Monday <parent@localhost>\r\nReferences: <r1@x>\r\n <r2@x>\r\n\r\nbody\r\n");
        assertThat(m.fromAddress()).isEqualTo("jane@example.org");
        assertThat(m.fromName()).isEqualTo("Doe, Jane");
        assertThat(m.messageId()).isEqualTo("<id-1@example.org>");
        assertThat(m.inReplyTo()).isEqualTo("<parent@localhost>");
        assertThat(m.references()).containsExactly("<r1@x>", "<r2@x>");
        assertThat(m.headerRecipients()).contains("a@localhost", "reply+lead-1-abc@localhost");
    }

    @Test
    void htmlTextDropsScriptAndStyleContentAndDecodesEntities() {
        assertThat(HtmlBodies.toText("<style>p{color:red}</style><script>var a=1;</script><p>Fish &amp; chips</p><p>2 &lt; 3</p>"))
                .isEqualTo("Fish & chips\n\n2 < 3");
    }

    @Test
    void deliveryStatusFieldsAreReadAcrossFoldedLinesAndGroups() {
        List<BounceReport> reports = BounceParser.fields("""
                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822;<A@Example.org>
                Action: failed
                Status: 5.1.1 (user unknown)
                Diagnostic-Code: smtp; 550 5.1.1
                 user unknown

                Final-Recipient: rfc822; b@example.org
                Action: delayed
                Status: 4.4.7
                """);
        assertThat(reports).containsExactly(
                new BounceReport("a@example.org", "5.1.1", true, true, "smtp; 550 5.1.1 user unknown"),
                new BounceReport("b@example.org", "4.4.7", false, false, null));
    }
}
