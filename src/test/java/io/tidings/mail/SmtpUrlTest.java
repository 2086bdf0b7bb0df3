package io.tidings.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpUrlTest {

    @Test
    void aStarttlsUrlGivesHostPortUserAndPassword() {
        SmtpTarget t = SmtpUrl.parse("smtp://mailer:s3cret@smtp.example.com:587?starttls=true");

        assertThat(t.host()).isEqualTo("smtp.example.com");
        assertThat(t.port()).isEqualTo(587);
        assertThat(t.security()).isEqualTo(MailSecurity.STARTTLS);
        assertThat(t.username()).isEqualTo("mailer");
        assertThat(t.password()).isEqualTo("s3cret");
        assertThat(t.fromEnvironment()).isTrue();
        assertThat(t.name()).isEqualTo("environment");
        assertThat(t.toString()).doesNotContain("s3cret");
    }

    @Test
    void smtpsMeansTlsOnPort465AndPercentEscapesAreDecoded() {
        SmtpTarget t = SmtpUrl.parse("smtps://user%40example.com:p%40ss%3Aw%2Fo+rd@mail.example.com");

        assertThat(t.security()).isEqualTo(MailSecurity.TLS);
        assertThat(t.port()).isEqualTo(465);
        assertThat(t.username()).isEqualTo("user@example.com");
        assertThat(t.password()).isEqualTo("p@ss:w/o+rd");
    }

    @Test
    void aPlainUrlWithoutCredentialsIsAnUnauthenticatedRelayOnPort25() {
        SmtpTarget t = SmtpUrl.parse("smtp://127.0.0.1?priority=5");

        assertThat(t.port()).isEqualTo(25);
        assertThat(t.security()).isEqualTo(MailSecurity.NONE);
        assertThat(t.authenticates()).isFalse();
        assertThat(t.priority()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://host:25                         | must start with smtp:// or smtps://",
            "host:25                                | must start with smtp:// or smtps://",
            "smtp://                                | not a URL",
            "smtp://host:99999                      | port must be 1 to 65535",
            "smtp://host:abc                        | no valid host name",
            "smtp://user@host                       | a user but no password",
            "smtp://host?starttls=maybe             | starttls must be true or false",
            "smtps://host?starttls=true             | does not go with smtps://",
            "smtp://host?tls=1                      | unknown parameter 'tls'",
            "smtp://host/path                       | has a path",
            "smtp://host?priority=high              | priority must be a whole number",
            "smtp://u:p%zz@host                     | not a URL",
    })
    void aBadUrlIsRefusedWithASentenceSayingWhatIsWrong(String url, String message) {
        assertThatThrownBy(() -> SmtpUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TIDINGS_SMTP_URL")
                .hasMessageContaining(message);
    }

    @Test
    void anEmptyUrlIsRefused() {
        assertThatThrownBy(() -> SmtpUrl.parse("  ")).hasMessageContaining("empty");
    }

    @Test
    void thePasswordNeverAppearsInAnError() {
        assertThatThrownBy(() -> SmtpUrl.parse("smtp://user:topsecret@host:0x1"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }
}
