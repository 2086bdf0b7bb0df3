package io.tidings.mail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DnsStubTest
class DomainDnsCheckTests {

    private static final String DOMAIN = "shop.example";
    private static final String SPF = "v=spf1 a mx ~all";
    private static final String DMARC = "v=DMARC1; p=none; rua=mailto:dmarc@shop.example";

    @Autowired
    MailApi mail;

    private final DnsStub dns = DnsStub.shared();

    @BeforeEach
    void emptyZone() {
        dns.reset();
    }

    private String dkimName() {
        return "t1._domainkey." + DOMAIN;
    }

    private String dkimValue() {
        return mail.dkimKey().txtRecord();
    }

    /** Publishes everything the page shows, the DKIM key cut into 255-byte strings as a zone file would. */
    private void publishAll() {
        dns.txt(DOMAIN, SPF)
                .txt(dkimName(), DomainRecords.split(dkimValue()).toArray(String[]::new))
                .txt("_dmarc." + DOMAIN, DMARC)
                .mx(DOMAIN, 10, "mx.shop.example");
    }

    private Map<DomainRecord.Kind, DnsCheck> check() {
        DomainReport report = mail.checkDomain();
        assertThat(report.checkedAt()).isNotNull();
        assertThat(report.resolver()).isEqualTo("127.0.0.1:" + dns.port());
        return report.checks().stream().collect(Collectors.toMap(DnsCheck::kind, Function.identity()));
    }

    @Test
    void everyRecordIsOkWhenTheZonePublishesWhatThePageShows() {
        publishAll();

        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat(checks.values()).extracting(DnsCheck::status).containsOnly(DnsStatus.OK);
        assertThat(checks.get(DomainRecord.Kind.DKIM).message()).contains("is the one Tidings signs with");
        assertThat(checks.get(DomainRecord.Kind.DKIM).found()).containsExactly(dkimValue());
        assertThat(checks.get(DomainRecord.Kind.DMARC).message()).contains("only report on").contains("mailto:dmarc@shop.example");
        assertThat(checks.get(DomainRecord.Kind.MX).message()).contains("reaches mx.shop.example (preference 10)");
        assertThat(mail.checkDomain().allOk()).isTrue();
    }

    @Test
    void aDkimKeyCutIntoUnevenStringsIsJoinedBeforeItIsCompared() {
        String v = dkimValue();
        publishAll();
        dns.reset().txt(DOMAIN, SPF).txt("_dmarc." + DOMAIN, DMARC).mx(DOMAIN, 10, "mx.shop.example")
                .txt(dkimName(), v.substring(0, 7), v.substring(7, 200), v.substring(200, 390), v.substring(390));

        DnsCheck dkim = check().get(DomainRecord.Kind.DKIM);

        assertThat(dkim.status()).isEqualTo(DnsStatus.OK);
        assertThat(dkim.found()).containsExactly(v);
    }

    @Test
    void theSameKeyWithSpacesInItsBase64StillMatchesBecauseTheKeyIsCompared() {
        String p = dkimValue().substring(dkimValue().indexOf("p=") + 2);
        dns.txt(dkimName(), "k=rsa; v=DKIM1; p=" + p.substring(0, 200), p.substring(200));
        assertThat(check().get(DomainRecord.Kind.DKIM).status())
                .as("v= must come first when present").isEqualTo(DnsStatus.MISMATCH);

        dns.reset().txt(dkimName(), "v=DKIM1;  k=rsa;\tp=" + p.substring(0, 100), " " + p.substring(100, 300), "  " + p.substring(300) + ";");
        assertThat(check().get(DomainRecord.Kind.DKIM).status()).isEqualTo(DnsStatus.OK);
    }

    @Test
    void aDkimRecordWithAnotherKeyIsAMismatchThatSaysSo() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String other = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        publishAll();
        dns.reset().txt(DOMAIN, SPF).txt("_dmarc." + DOMAIN, DMARC).mx(DOMAIN, 10, "mx.shop.example")
                .txt(dkimName(), DomainRecords.split("v=DKIM1; k=rsa; p=" + other).toArray(String[]::new));

        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat(checks.get(DomainRecord.Kind.DKIM).status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(checks.get(DomainRecord.Kind.DKIM).message()).contains("publishes another key").contains("Replace it");
        assertThat(checks.get(DomainRecord.Kind.SPF).status()).isEqualTo(DnsStatus.OK);
    }

    @Test
    void aRevokedOrBrokenDkimKeyIsAMismatch() {
        dns.txt(dkimName(), "v=DKIM1; k=rsa; p=");
        assertThat(check().get(DomainRecord.Kind.DKIM).message()).contains("revoked");
        dns.reset().txt(dkimName(), "v=DKIM1; k=rsa; p=not*base64");
        DnsCheck broken = check().get(DomainRecord.Kind.DKIM);
        assertThat(broken.status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(broken.message()).contains("not an RSA public key");
    }

    @Test
    void anEmptyZoneLeavesEveryRecordMissingWithWhatToPublish() {
        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat(checks.values()).extracting(DnsCheck::status).containsOnly(DnsStatus.MISSING);
        assertThat(checks.get(DomainRecord.Kind.SPF).message()).contains("does not exist in DNS").contains("Publish " + SPF);
        assertThat(checks.get(DomainRecord.Kind.MX).message()).contains("IMAP or forwarding");
    }

    @Test
    void aNameWithOtherTxtRecordsButNoSpfIsMissingSpf() {
        dns.txt(DOMAIN, "google-site-verification=abc").mx(DOMAIN, 10, "mx.shop.example");

        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat(checks.get(DomainRecord.Kind.SPF).status()).isEqualTo(DnsStatus.MISSING);
        assertThat(checks.get(DomainRecord.Kind.SPF).message()).startsWith("No SPF record at shop.example");
        assertThat(checks.get(DomainRecord.Kind.MX).status()).isEqualTo(DnsStatus.OK);
    }

    @Test
    void twoSpfRecordsAreAnErrorPerRfc7208EvenWhenOneIsRight() {
        publishAll();
        dns.txt(DOMAIN, "v=spf1 include:_spf.google.com ~all");

        DnsCheck spf = check().get(DomainRecord.Kind.SPF);

        assertThat(spf.status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(spf.message()).contains("2 SPF records").contains("RFC 7208").contains("Merge them");
        assertThat(spf.found()).hasSize(2);
    }

    @Test
    void anSpfRecordThatLacksOurMechanismsOrAllowsEveryoneIsAMismatch() {
        dns.txt(DOMAIN, "v=spf1 include:_spf.google.com -all");
        DnsCheck lacking = check().get(DomainRecord.Kind.SPF);
        assertThat(lacking.status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(lacking.message()).contains("lacks a mx").contains("does not follow them");

        dns.reset().txt(DOMAIN, "v=spf1 +a +mx +all");
        assertThat(check().get(DomainRecord.Kind.SPF).message()).contains("lets anyone send");

        dns.reset().txt(DOMAIN, "v=spf1 ip4:203.0.113.9 +a MX -all");
        assertThat(check().get(DomainRecord.Kind.SPF).status()).isEqualTo(DnsStatus.OK);
    }

    @Test
    void aDmarcRecordWithoutPolicyIsAMismatch() {
        dns.txt("_dmarc." + DOMAIN, "v=DMARC1; rua=mailto:dmarc@shop.example");

        DnsCheck dmarc = check().get(DomainRecord.Kind.DMARC);

        assertThat(dmarc.status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(dmarc.message()).contains("no p= tag").contains("Add p=none");
    }

    @Test
    void aDmarcRecordMustBeginWithItsVersionAndBeAlone() {
        dns.txt("_dmarc." + DOMAIN, "p=none; v=DMARC1");
        DnsCheck misplaced = check().get(DomainRecord.Kind.DMARC);
        assertThat(misplaced.status()).isEqualTo(DnsStatus.MISMATCH);
        assertThat(misplaced.message()).contains("must begin with v=DMARC1");

        dns.reset().txt("_dmarc." + DOMAIN, DMARC).txt("_dmarc." + DOMAIN, "v=DMARC1; p=reject");
        assertThat(check().get(DomainRecord.Kind.DMARC).message()).contains("2 DMARC records");

        dns.reset().txt("_dmarc." + DOMAIN, "v=DMARC1; p=maybe");
        assertThat(check().get(DomainRecord.Kind.DMARC).message()).contains("none, quarantine or reject");

        dns.reset().txt("_dmarc." + DOMAIN, "v=DMARC1; p=reject");
        DnsCheck strict = check().get(DomainRecord.Kind.DMARC);
        assertThat(strict.status()).isEqualTo(DnsStatus.OK);
        assertThat(strict.message()).contains("reject").contains("no rua=");
    }

    @Test
    void anMxElsewhereOrANullMxIsAMismatch() {
        dns.mx(DOMAIN, 5, "aspmx.l.google.com");
        assertThat(check().get(DomainRecord.Kind.MX).message()).contains("goes to aspmx.l.google.com, not to mx.shop.example");

        dns.reset().mx(DOMAIN, 0, ".");
        assertThat(check().get(DomainRecord.Kind.MX).message()).contains("null MX");
    }

    @Test
    void aResolverThatNeverAnswersMakesEveryRecordUnreachableWithinTheTimeout() {
        publishAll();
        dns.silent(true);
        long started = System.nanoTime();

        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
        assertThat(checks.values()).extracting(DnsCheck::status).containsOnly(DnsStatus.UNREACHABLE);
        assertThat(checks.get(DomainRecord.Kind.DKIM).message())
                .isEqualTo("No answer from 127.0.0.1:" + dns.port() + " within 600 ms for the TXT record of t1._domainkey.shop.example. Try again later.");
    }

    @Test
    void aServerFailureIsUnreachableNotMissing() {
        publishAll();
        dns.servfail("_dmarc." + DOMAIN);

        Map<DomainRecord.Kind, DnsCheck> checks = check();

        assertThat(checks.get(DomainRecord.Kind.DMARC).status()).isEqualTo(DnsStatus.UNREACHABLE);
        assertThat(checks.get(DomainRecord.Kind.DMARC).message()).contains("answered SERVFAIL");
        assertThat(checks.get(DomainRecord.Kind.SPF).status()).isEqualTo(DnsStatus.OK);
    }

    @Test
    void anAnswerTooBigForUdpIsFetchedAgainOverTcp() {
        publishAll();
        for (int i = 0; i < 6; i++) {
            dns.txt(DOMAIN, ("verification-" + i + "=").repeat(17));
        }
        int before = dns.tcpQueries();

        DnsCheck spf = check().get(DomainRecord.Kind.SPF);

        assertThat(spf.status()).isEqualTo(DnsStatus.OK);
        assertThat(spf.found()).containsExactly(SPF);
        assertThat(dns.tcpQueries()).isGreaterThan(before);
    }
}
