package io.tidings.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRecordsTests {

    @Test
    void aLongTxtValueIsCutInto255ByteStringsThatJoinBackToIt() {
        String value = "v=DKIM1; k=rsa; p=" + "A".repeat(600);

        DomainRecord r = DomainRecords.txt(DomainRecord.Kind.DKIM, "s._domainkey.example.com", value);

        assertThat(r.strings()).hasSize(3).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(255));
        assertThat(r.strings().getFirst()).hasSize(255);
        assertThat(String.join("", r.strings())).isEqualTo(value);
        assertThat(r.zoneFile()).isEqualTo("s._domainkey.example.com. 3600 IN TXT (\n    \"" + r.strings().get(0)
                + "\"\n    \"" + r.strings().get(1) + "\"\n    \"" + r.strings().get(2) + "\" )");
    }

    @Test
    void aShortValueIsOneQuotedStringAndQuotesAreEscaped() {
        assertThat(DomainRecords.txt(DomainRecord.Kind.SPF, "example.com", "v=spf1 a \"x\" ~all").zoneFile())
                .isEqualTo("example.com. 3600 IN TXT \"v=spf1 a \\\"x\\\" ~all\"");
    }

    @Test
    void stringsAreCutOnByteCountsNeverInsideAUtf8Character() {
        String value = "é".repeat(200);

        List<String> strings = DomainRecords.split(value);

        assertThat(strings).extracting(s -> s.getBytes(StandardCharsets.UTF_8).length).containsExactly(254, 146);
        assertThat(String.join("", strings)).isEqualTo(value);
    }

    @Test
    void badSettingsAreRefusedWithTheNameOfTheProperty() {
        assertThatThrownBy(() -> new DnsSettings(List.of("a", "-all"), "none", "", "", List.of(), Duration.ofSeconds(3)))
                .hasMessageContaining("tidings.mail.spf-include");
        assertThatThrownBy(() -> new DnsSettings(List.of(), "strict", "", "", List.of(), Duration.ofSeconds(3)))
                .hasMessageContaining("tidings.mail.dmarc-policy");
        assertThatThrownBy(() -> DnsLookup.address("127.0.0.1:99999")).hasMessageContaining("tidings.mail.dns-resolver");
        assertThat(new DnsSettings(null, null, null, "MX.Example.com.", null, Duration.ofSeconds(3)).mxHost()).isEqualTo("mx.example.com");
    }

    @Test
    void aResolverIsAHostAHostAndPortOrABracketedIpv6Address() {
        assertThat(DnsLookup.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsLookup.address("127.0.0.1").getPort()).isEqualTo(53);
        assertThat(DnsLookup.address("[::1]:5300").getPort()).isEqualTo(5300);
        assertThat(DnsLookup.address("::1").getPort()).isEqualTo(53);
        assertThat(DnsLookup.address("[::1]:5300").getAddress().isLoopbackAddress()).isTrue();
    }
}
