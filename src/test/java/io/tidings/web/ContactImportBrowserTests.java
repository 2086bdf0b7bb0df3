package io.tidings.web;

import io.tidings.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactImportBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aMarketerImportsACsvWithBadRowsAndSeesTheContactsAndTheReport() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("import-", ".csv");
        Files.writeString(csv, """
                name,email,phone,country,tags
                Ada Lovelace %1$s,ada-%1$s@example.com,+44 20 7946 0958,GB,vip;%1$s
                Grace Hopper %1$s,grace-%1$s@example.com,+1 202-555-0143,US,%1$s
                Bad Phone %1$s,badphone-%1$s@example.com,12,US,%1$s
                Bad Email %1$s,not-an-email,+49 30 901820,DE,%1$s
                Alan Turing %1$s,alan-%1$s@example.com,+49 151 23456789,DE,%1$s
                """.formatted(run));
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Contacts")).size() == 1);
            b.open("/contacts/import");
            b.driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            b.driver.findElement(By.id("start-import")).click();

            b.waiting(30).until(d -> d.findElement(By.id("import-state")).getText().startsWith("done"));
            assertThat(b.driver.findElement(By.id("import-imported")).getText()).isEqualTo("3");
            assertThat(b.driver.findElement(By.id("import-rejected")).getText()).isEqualTo("2");
            assertThat(b.driver.findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("100");
            var report = b.driver.findElements(By.cssSelector("#import-report tbody tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(report).hasSize(2);
            assertThat(report.get(0)).startsWith("3 phone");
            assertThat(report.get(1)).startsWith("4 email");

            b.open("/contacts?tag=" + run);
            var rows = b.driver.findElements(By.cssSelector("#contacts tbody tr")).stream().map(WebElement::getText).toList();
            assertThat(rows).hasSize(3);
            assertThat(String.join("\n", rows)).contains("Ada Lovelace " + run, "+442079460958", "Grace Hopper " + run, "+4915123456789");

            b.driver.findElement(By.id("q")).sendKeys("Grace Hopper " + run);
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#contacts tbody tr")).size() == 1);
            b.driver.findElement(By.linkText("Grace Hopper " + run)).click();
            b.waiting(10).until(d -> d.getPageSource().contains("grace-" + run + "@example.com"));
            assertThat(b.driver.getPageSource()).contains("+12025550143");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
