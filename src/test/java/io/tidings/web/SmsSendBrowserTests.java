package io.tidings.web;

import io.tidings.Browser;
import io.tidings.credits.CreditsApi;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsRate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsSendBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    SmsApi sms;
    @Autowired
    CreditsApi credits;

    @Test
    void aMarketerPreviewsTheCostThenSendsAndSeesTheMessageDelivered() throws Exception {
        SmsProvider sandbox = providers.add("sandbox", "browser-" + UUID.randomUUID(),
                JsonMapper.shared().readTree("{\"delayMillis\":100,\"from\":\"+12025550100\",\"senderType\":\"long_code\"}"), true);
        // one micro-dollar a segment: cheaper than any other route to New Zealand, so routing picks it
        sms.saveRate(new SmsRate(null, sandbox.id(), "NZ", "transactional", "long_code", 0, 1, "USD"));
        credits.topUp(CreditsApi.DEFAULT_ACCOUNT, 100, "browser-" + UUID.randomUUID());
        String phone = "+6421" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("SMS")).size() == 1);
            b.open("/sms");
            b.driver.findElement(By.id("text")).sendKeys("Your order has shipped");
            b.driver.findElement(By.id("phones")).sendKeys(phone);
            b.driver.findElement(By.id("preview")).click();
            b.waiting(15).until(d -> d.findElement(By.id("preview-credits")).getText().equals("1"));
            assertThat(b.driver.findElement(By.id("preview-countries")).getText()).contains("NZ");

            b.driver.findElement(By.id("send")).click();
            b.waiting(15).until(d -> d.findElements(By.id("sms-log")).size() == 1);
            assertThat(b.driver.findElement(By.id("sms-log")).getText()).contains(phone, "Your order has shipped");
            b.waiting(30).until(d -> {
                d.navigate().refresh();
                return d.findElement(By.cssSelector("#sms-log td.state")).getText().equals("delivered");
            });
        }
    }
}
