package io.tidings.tracking.links;

import io.tidings.shared.InvalidInputException;
import io.tidings.tracking.SendClicks;
import io.tidings.tracking.ShortenedText;
import io.tidings.tracking.TrackingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShortLinksTests {

    @LocalServerPort
    int port;
    @Autowired
    TrackingApi tracking;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String shop;
    private String send;

    @BeforeEach
    void aShopDomainOfItsOwn() {
        shop = "shop" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        tracking.allowDomain(shop, "test");
        send = "send-" + UUID.randomUUID();
    }

    @Test
    void anAllowedLongLinkBecomesAShortLinkInTheText() {
        String longLink = "https://www." + shop + "/campaign/spring-sale/landing?utm_source=sms&utm_medium=text&item=12345";

        ShortenedText out = tracking.shorten("春季大促，点击" + longLink + "领取，回TD退订", send, "contact-1");

        assertThat(out.links()).singleElement().satisfies(l -> {
            assertThat(l.target()).isEqualTo(longLink);
            assertThat(l.code()).matches("[0-9A-Za-z]{8}");
            assertThat(l.shortUrl()).isEqualTo("http://localhost:8080/l/" + l.code());
        });
        assertThat(out.text()).isEqualTo("春季大促，点击" + out.links().getFirst().shortUrl() + "领取，回TD退订");
        assertThat(out.text()).doesNotContain(shop);
        assertThat(out.links().getFirst().shortUrl().length()).isLessThan(longLink.length() / 2);
    }

    @Test
    void eachRecipientGetsItsOwnCodeForTheSameLinkAndTheSameCodeAgain() {
        String text = "Order ready: https://" + shop + "/o/1 and again https://" + shop + "/o/1";

        ShortenedText ann = tracking.shorten(text, send, "ann");
        ShortenedText annAgain = tracking.shorten(text, send, "ann");
        ShortenedText bob = tracking.shorten(text, send, "bob");

        assertThat(ann.links()).hasSize(1);
        assertThat(annAgain.text()).isEqualTo(ann.text());
        assertThat(bob.links().getFirst().code()).isNotEqualTo(ann.links().getFirst().code());
        assertThat(bob.links().getFirst().linkId()).isEqualTo(ann.links().getFirst().linkId());
        assertThat(tracking.clicks(send).links()).singleElement()
                .satisfies(l -> assertThat(l.recipients()).isEqualTo(2));
    }

    @Test
    void aSubdomainOfAnAllowedDomainIsAllowedButAParentOrLookAlikeIsNot() {
        assertThat(tracking.checkLinks("https://m.deep." + shop + "/x")).containsExactly("https://m.deep." + shop + "/x");
        assertThatThrownBy(() -> tracking.checkLinks("https://not" + shop + "/x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not" + shop);
        assertThatThrownBy(() -> tracking.checkLinks("https://" + shop + ".evil.test/x"))
                .hasMessageContaining(shop + ".evil.test");
    }

    @Test
    void aLinkOnADomainNotInTheAllowListIsAnErrorNamingTheDomain() {
        String other = "other" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        assertThatThrownBy(() -> tracking.shorten("Go https://" + shop + "/ok then https://" + other + "/x", send, "r1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("link domain " + other + " is not in the allow-list")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("text");
        assertThat(tracking.clicks(send).links()).as("nothing was stored for the refused text").isEmpty();
    }

    @Test
    void anAlreadyShortLinkIsAnErrorAskingForTheLongLink() {
        for (String text : new String[]{"领券 https://bit.ly/3xYzAb", "领券 t.cn/A6abcd 速抢", "see https://www.tinyurl.com/abc",
                "ours http://localhost:8080/l/Ab3dE9xQ"}) {
            assertThatThrownBy(() -> tracking.shorten(text, send, "r1")).as(text)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already-short link")
                    .hasMessageContaining("paste the long link; Tidings shortens it");
        }
    }

    @Test
    void aShortLinkRedirectsToTheStoredTargetAndRecordsTheClickForItsRecipient() throws Exception {
        String target = "https://" + shop + "/p/42?ref=sms";
        String annUrl = tracking.shorten("Buy " + target, send, "ann").links().getFirst().shortUrl();
        tracking.shorten("Buy " + target, send, "bob");

        HttpResponse<String> r = get(path(annUrl), "Mozilla/5.0 test");
        get(path(annUrl), "Mozilla/5.0 test");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains(target);
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(tracking.clicksBy(send, "ann")).isEqualTo(2);
        assertThat(tracking.clicksBy(send, "bob")).isZero();
        SendClicks clicks = tracking.clicks(send);
        assertThat(clicks.clicks()).isEqualTo(2);
        assertThat(clicks.clickers()).isEqualTo(1);
        assertThat(clicks.links()).singleElement().satisfies(l -> {
            assertThat(l.target()).isEqualTo(target);
            assertThat(l.recipients()).isEqualTo(2);
            assertThat(l.clickers()).isEqualTo(1);
            assertThat(l.firstClickAt()).isNotNull();
        });
        String code = annUrl.substring(annUrl.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select user_agent_hash from tracking_clicks where code = :code").param("code", code)
                .query(String.class).list()).hasSize(2).allSatisfy(h -> assertThat(h).hasSize(32).doesNotContain("Mozilla"));
    }

    @Test
    void aUrlOrNextParameterOnAShortLinkIsIgnoredSoItIsNoOpenRedirect() throws Exception {
        String target = "https://" + shop + "/safe";
        String path = path(tracking.shorten(target, send, "ann").links().getFirst().shortUrl());

        for (String query : new String[]{"?url=https://evil.test/", "?next=https://evil.test/", "?redirect=//evil.test",
                "?url=https%3A%2F%2Fevil.test&next=javascript:alert(1)"}) {
            HttpResponse<String> r = get(path + query, null);
            assertThat(r.statusCode()).as(query).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(query).contains(target);
        }
        HttpResponse<String> unknown = get("/l/Zz9Zz9Zz?url=https://evil.test/", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anUnknownOrMalformedCodeIsANotFoundPageAndRecordsNothing() throws Exception {
        long before = jdbc.sql("select count(*) from tracking_clicks").query(Long.class).single();
        for (String path : new String[]{"/l/Zz9Zz9Zz", "/l/short", "/l/' or 1=1 --".replace(" ", "%20"), "/l/%E4%BD%A0%E5%A5%BD%E4%BD%A0%E5%A5%BD"}) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Location")).as(path).isEmpty();
            assertThat(r.body()).as(path).contains("Link not found");
        }
        assertThat(jdbc.sql("select count(*) from tracking_clicks").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aHeadRequestFromALinkPreviewRedirectsWithoutCountingAClick() throws Exception {
        String target = "https://" + shop + "/preview";
        String path = path(tracking.shorten(target, send, "ann").links().getFirst().shortUrl());

        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(head.headers().firstValue("Location")).contains(target);
        assertThat(tracking.clicksBy(send, "ann")).isZero();
    }

    @Test
    void aShortLinkKeepsWorkingAfterItsDomainIsRemovedFromTheAllowList() throws Exception {
        String target = "https://" + shop + "/kept";
        String path = path(tracking.shorten(target, send, "ann").links().getFirst().shortUrl());

        assertThat(tracking.removeDomain(shop)).isTrue();

        assertThat(get(path, null).headers().firstValue("Location")).contains(target);
        assertThatThrownBy(() -> tracking.checkLinks(target)).hasMessageContaining("not in the allow-list");
    }

    @Test
    void aTestSendTextHasEveryLinkReplacedByThePlaceholder() {
        String text = "券 https://" + shop + "/c?code=X1 或 bit.ly/abc 或 https://other.test/x";
        assertThat(tracking.linksIn(text)).containsExactly("https://" + shop + "/c?code=X1", "bit.ly/abc", "https://other.test/x");
        assertThat(tracking.withoutLinks(text, "[link]")).isEqualTo("券 [link] 或 [link] 或 [link]");
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(String shortUrl) {
        return URI.create(shortUrl).getPath();
    }
}
