package io.tidings.threads;

import io.tidings.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreadBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aUserCreatesALeadPostsANoteAndAnEmailAndSeesBothInItsThread() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Leads")).size() == 1);
            b.driver.findElement(By.linkText("Leads")).click();
            b.waiting(10).until(d -> d.findElements(By.id("lead-name")).size() == 1);
            b.driver.findElement(By.id("lead-name")).sendKeys("Browser deal " + run);
            b.driver.findElement(By.id("create-lead")).click();
            b.waiting(10).until(d -> d.findElements(By.id("lead-title")).size() == 1);
            assertThat(b.driver.findElement(By.id("lead-title")).getText()).isEqualTo("Browser deal " + run);

            b.driver.findElement(By.id("kind-note")).click();
            b.driver.findElement(By.id("composer-body")).sendKeys("Internal: budget approved " + run);
            b.driver.findElement(By.id("composer-send")).click();
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#messages li.kind-note")).size() == 1);

            b.driver.findElement(By.id("kind-email")).click();
            b.driver.findElement(By.id("composer-to")).sendKeys("buyer-" + run + "@example.com");
            b.driver.findElement(By.id("composer-subject")).sendKeys("Our offer " + run);
            b.driver.findElement(By.id("composer-body")).sendKeys("Please find our offer.");
            b.driver.findElement(By.id("composer-send")).click();
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#messages li.kind-email_out")).size() == 1);

            List<String> thread = b.driver.findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
            assertThat(thread).hasSize(2);
            // newest first
            assertThat(thread.get(0)).contains("email out", "Our offer " + run, "buyer-" + run + "@example.com");
            assertThat(thread.get(1)).contains("internal note", "Internal: budget approved " + run);
            assertThat(b.driver.findElements(By.id("thread-error"))).isEmpty();
        }
    }
}
