package io.tidings.web;

import io.tidings.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsComposerBrowserTests {

    @LocalServerPort
    int port;

    private static String text(Browser b, String id) {
        return b.driver.findElement(By.id(id)).getText();
    }

    @Test
    void theLiveCounterChangesAsYouTypeAndOneClickFixesLookAlikes() throws Exception {
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("SMS")).size() == 1);
            b.open("/sms");
            WebElement box = b.driver.findElement(By.id("text"));
            box.sendKeys("Hello there");
            b.waiting(10).until(d -> text(b, "count-characters").equals("11"));
            assertThat(text(b, "count-encoding")).isEqualTo("GSM-7");
            assertThat(text(b, "count-segments")).isEqualTo("1");
            assertThat(text(b, "count-remaining")).isEqualTo("149");

            box.sendKeys(" — it’s 20% off!");
            b.waiting(10).until(d -> text(b, "count-encoding").equals("UCS-2"));
            assertThat(b.driver.findElements(By.cssSelector("mark.ucs2"))).extracting(WebElement::getText)
                    .containsExactly("—", "’");

            box.sendKeys(" ".repeat(0) + "x".repeat(60));
            b.waiting(10).until(d -> text(b, "count-segments").equals("2"));

            b.driver.findElement(By.id("fix-encoding")).click();
            b.waiting(10).until(d -> text(b, "count-encoding").equals("GSM-7"));
            assertThat(b.driver.findElement(By.id("text")).getAttribute("value")).contains("- it's 20% off!");
            assertThat(text(b, "count-segments")).isEqualTo("1");
        }
    }
}
