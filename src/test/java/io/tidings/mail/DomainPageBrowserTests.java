package io.tidings.mail;

import io.tidings.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DnsStubTest
class DomainPageBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MailApi mail;

    private final DnsStub dns = DnsStub.shared();

    @Test
    void anAdminSeesTheRecordsToPublishAndTheirLiveStatusAfterCheckingDns() throws Exception {
        String dkim = mail.dkimKey().txtRecord();
        dns.reset()
                .txt("shop.example", "v=spf1 a mx ~all")
                .txt("t1._domainkey.shop.example", DomainRecords.split(dkim).toArray(String[]::new))
                .txt("_dmarc.shop.example", "v=DMARC1; rua=mailto:dmarc@shop.example")
                .mx("shop.example", 10, "mx.shop.example");
        String publicKey = Base64.getEncoder().encodeToString(mail.dkimKey().publicKey().getEncoded());

        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Email")).size() == 1);
            b.driver.findElement(By.linkText("Email")).click();
            b.waiting(10).until(d -> d.findElements(By.id("mail-domain-link")).size() == 1);
            b.driver.findElement(By.id("mail-domain-link")).click();
            b.waiting(10).until(d -> d.findElements(By.id("dns-table")).size() == 1);

            assertThat(b.driver.findElement(By.id("mail-domain")).getText()).isEqualTo("shop.example");
            List<WebElement> txt = b.driver.findElements(By.xpath("//table[@id='dns-table']/tbody/tr[td[3]='TXT']"));
            assertThat(txt).hasSize(3);
            assertThat(value("dkim", b)).isEqualTo("v=DKIM1; k=rsa; p=" + publicKey);
            assertThat(b.driver.findElement(By.cssSelector("#dns-dkim .dns-name")).getText()).isEqualTo("t1._domainkey.shop.example");
            assertThat(value("spf", b)).isEqualTo("v=spf1 a mx ~all");
            assertThat(value("dmarc", b)).isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@shop.example");
            assertThat(status("spf", b)).contains("Not checked yet");

            b.driver.findElement(By.id("check-dns")).click();
            b.waiting(10).until(d -> d.findElements(By.id("dns-checked")).size() == 1);

            assertThat(status("spf", b)).startsWith("OK");
            assertThat(status("dkim", b)).startsWith("OK").contains("the one Tidings signs with");
            assertThat(status("dmarc", b)).startsWith("MISMATCH").contains("no p= tag");
            assertThat(status("mx", b)).startsWith("OK");
            assertThat(b.driver.findElement(By.id("dns-checked")).getText()).contains("127.0.0.1:" + dns.port());
        }
    }

    private static String value(String kind, Browser b) {
        return b.driver.findElement(By.cssSelector("#dns-" + kind + " .dns-value")).getText();
    }

    private static String status(String kind, Browser b) {
        return b.driver.findElement(By.cssSelector("#dns-" + kind + " .dns-status")).getText();
    }
}
