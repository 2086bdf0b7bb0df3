package io.tidings.mail;

import io.tidings.Browser;
import io.tidings.threads.RecordRef;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** In real Chromium: a lead's thread gets a note and an email, then the customer's reply arrives over SMTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundMailBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MailApi mail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplyDeliveredToTheMxShowsUpInTheLeadsThreadAfterAReload() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String buyer = "buyer-" + run + "@example.org";
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.waiting(10).until(d -> d.findElements(By.linkText("Leads")).size() == 1);
            b.driver.findElement(By.linkText("Leads")).click();
            b.waiting(10).until(d -> d.findElements(By.id("lead-name")).size() == 1);
            b.driver.findElement(By.id("lead-name")).sendKeys("Inbound deal " + run);
            b.driver.findElement(By.id("create-lead")).click();
            b.waiting(10).until(d -> d.findElements(By.id("lead-title")).size() == 1);
            Matcher id = Pattern.compile("/leads/(\\d+)").matcher(b.driver.getCurrentUrl());
            assertThat(id.find()).isTrue();
            RecordRef lead = RecordRef.lead(Long.parseLong(id.group(1)));

            b.driver.findElement(By.id("kind-note")).click();
            b.driver.findElement(By.id("composer-body")).sendKeys("Internal: they want it by Friday " + run);
            b.driver.findElement(By.id("composer-send")).click();
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#messages li.kind-note")).size() == 1);

            b.driver.findElement(By.id("kind-email")).click();
            b.driver.findElement(By.id("composer-to")).sendKeys(buyer);
            b.driver.findElement(By.id("composer-subject")).sendKeys("Our offer " + run);
            b.driver.findElement(By.id("composer-body")).sendKeys("Please find our offer.");
            b.driver.findElement(By.id("composer-send")).click();
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#messages li.kind-email_out")).size() == 1);

            // what the buyer's mail program answers: to the lead's reply address, quoting the sent Message-ID
            String sentMessageId = jdbc.sql("""
                    select payload->>'messageId' from dispatch_messages
                    where channel = 'email' and recipient = :to order by id desc limit 1""")
                    .param("to", buyer).query(String.class).single();
            String replyTo = mail.tokens().replyAddress(lead);
            String reply = SmtpTalk.deliver(mail.inboundPort(), buyer, replyTo,
                    "From: Buyer <" + buyer + ">\r\nTo: " + replyTo + "\r\nSubject: Re: Our offer " + run + "\r\n"
                            + "Message-ID: <reply-" + run + "@example.org>\r\nIn-Reply-To: " + sentMessageId + "\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\nDeal, send the contract " + run + ".\r\n");
            assertThat(reply).startsWith("250");

            b.driver.navigate().refresh();
            b.waiting(10).until(d -> d.findElements(By.cssSelector("#messages li.kind-email_in")).size() == 1);
            List<String> thread = b.driver.findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
            assertThat(thread).hasSize(3);
            assertThat(thread.get(0)).contains(buyer, "email in", "Re: Our offer " + run, "Deal, send the contract " + run);
            assertThat(thread.get(1)).contains("email out", "Our offer " + run);
            assertThat(thread.get(2)).contains("internal note");

            b.open("/mail/inbound");
            b.waiting(10).until(d -> d.findElements(By.id("recent")).size() == 1);
            assertThat(b.driver.findElement(By.id("recent")).getText()).contains("Re: Our offer " + run, "reply", lead.key());
        }
    }
}
