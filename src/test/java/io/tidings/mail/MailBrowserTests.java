package io.tidings.mail;

import io.tidings.Browser;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MailApi mail;
    @Autowired
    ContactsApi contacts;
    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from mail_servers where name like 'browser-%'").update();
    }

    @Test
    void anAdminAddsDisablesAndDeletesAMailServerFromTheSettings() throws Exception {
        String name = "browser-" + run;
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Contacts")).size() == 1);
            b.open("/settings");
            b.driver.findElement(By.linkText("Mail servers")).click();
            b.waiting(10).until(d -> d.findElements(By.id("add-mail-server")).size() == 1);
            b.driver.findElement(By.name("name")).sendKeys(name);
            b.driver.findElement(By.name("host")).sendKeys("smtp.example.com");
            b.driver.findElement(By.name("port")).sendKeys("587");
            b.driver.findElement(By.name("username")).sendKeys("mailer");
            b.driver.findElement(By.name("password")).sendKeys("browser-secret-42");
            b.driver.findElement(By.name("priority")).sendKeys("500");
            b.driver.findElement(By.cssSelector("#add-mail-server button")).click();

            By row = By.cssSelector("tr[data-name='" + name + "']");
            b.waiting(10).until(d -> d.findElements(row).size() == 1);
            assertThat(b.driver.findElement(row).getText()).contains("smtp.example.com:587", "starttls", "enabled", "••••");
            assertThat(b.driver.getPageSource()).doesNotContain("browser-secret-42").contains("_domainkey");
            screenshot(b, "mail-servers.png");

            b.driver.findElement(row).findElement(By.xpath(".//button[text()='Disable']")).click();
            b.waiting(10).until(d -> d.findElement(row).getText().contains("disabled"));
            b.driver.findElement(row).findElement(By.xpath(".//button[text()='Delete']")).click();
            b.waiting(10).until(d -> d.findElements(row).isEmpty());
        }
    }

    @Test
    void aRecipientUnsubscribesWithTheButtonAndNeedsNoLogin() throws Exception {
        String address = "browser-" + run + "@rcpt.example.com";
        long contact = contacts.create(NewContact.of("Browser " + run, address, null)).id();
        String path = mail.unsubscribeUrl(address).replaceFirst("^https?://[^/]+", "");
        try (Browser b = new Browser(port)) {
            b.open(path);
            b.waiting(10).until(d -> d.findElements(By.id("unsubscribe")).size() == 1);
            assertThat(contacts.get(contact).emailConsent()).isNotEqualTo(ConsentState.OPTED_OUT);
            b.driver.findElement(By.id("unsubscribe")).click();
            b.waiting(10).until(d -> d.findElements(By.id("unsubscribed")).size() == 1);
            assertThat(b.driver.findElement(By.id("unsubscribed")).getText()).contains(address);
        }
        assertThat(contacts.get(contact).emailConsent()).isEqualTo(ConsentState.OPTED_OUT);
    }

    private static void screenshot(Browser b, String file) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
    }
}
