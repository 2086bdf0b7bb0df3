package io.tidings.web;

import io.tidings.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettingsBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void anAdminLogsInAndCreatesAnApiTokenThatIsShownOnce() throws Exception {
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Contacts")).size() == 1);
            b.open("/settings/tokens");
            b.driver.findElement(By.name("name")).sendKeys("browser-token");
            b.driver.findElement(By.cssSelector("form.grid button")).click();
            String token = b.waiting(10).until(d -> d.findElement(By.id("new-token"))).getText();
            assertThat(token).startsWith("tid_");
            b.open("/settings/tokens");
            assertThat(b.driver.findElements(By.id("new-token"))).isEmpty();
            assertThat(b.driver.getPageSource()).contains("browser-token").doesNotContain(token);
        }
    }
}
