package io.tidings.web;

import io.tidings.Browser;
import io.tidings.credits.CreditsApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CreditsApi credits;

    @Test
    void anAdminSeesTheTierPriceBeforeBuyingAndTheLotAfter() throws Exception {
        long before = credits.balance(CreditsApi.DEFAULT_ACCOUNT).available();
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("SMS")).size() == 1);
            b.open("/credits");
            b.driver.findElement(By.id("messages")).sendKeys("15000");
            b.waiting(10).until(d -> d.findElement(By.id("quote-text")).getText().contains("690.00"));
            assertThat(b.driver.findElement(By.id("quote-text")).getText()).contains("4.6 fen each");
            b.driver.findElement(By.id("topup")).click();
            b.waiting(10).until(d -> d.getPageSource().contains("Bought 15000 messages"));
            assertThat(b.driver.findElement(By.id("balance-available")).getText()).isEqualTo(String.valueOf(before + 15000));
        }
        assertThat(credits.ledgerSumsToBalance(CreditsApi.DEFAULT_ACCOUNT)).isTrue();
    }
}
