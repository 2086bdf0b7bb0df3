package io.tidings.sms.templates;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.dispatch.Traffic;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.NewSmsTemplate;
import io.tidings.sms.RenderedSms;
import io.tidings.sms.ReviewState;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.SmsTemplatesApi;
import io.tidings.sms.TemplateContext;
import io.tidings.tracking.TrackingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static io.tidings.ApiClient.json;
import static io.tidings.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsTemplatesTests {

    private static final String PATH = "/api/v1/sms/templates";

    @LocalServerPort
    int port;
    @Autowired
    SmsTemplatesApi templates;
    @Autowired
    TrackingApi tracking;
    @Autowired
    AccountsApi accounts;

    private String shop;

    @BeforeEach
    void aShopDomainOfItsOwn() {
        shop = "tpl" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        tracking.allowDomain(shop, "test");
    }

    @Test
    void aNewTemplateShowsItsVariablesAndWaitsForReview() {
        SmsTemplate t = create("亲爱的{{contact.first_name}}，订单{{order.number}}已发货", TemplateContext.ORDER);

        assertThat(t.variables()).containsExactly("contact.first_name", "order.number");
        assertThat(t.state()).isEqualTo(ReviewState.PENDING);
        assertThat(t.traffic()).isEqualTo(Traffic.TRANSACTIONAL);
        assertThat(templates.template(t.id())).isEqualTo(t);
    }

    @Test
    void aTemplateCarryingASignatureIsRefused() {
        assertThatThrownBy(() -> create("【天猫旗舰店】{{contact.first_name}}您好", TemplateContext.CUSTOMER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not contain a signature")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("body");
    }

    @Test
    void aTemplateWhoseVariablesItsOwnContextDoesNotOfferIsRefused() {
        assertThatThrownBy(() -> create("{{contact.first_name}}, {{product.title}} is back", TemplateContext.CUSTOMER))
                .hasMessageContaining("uses {{product.title}}, which a customer-level send does not offer");
    }

    @Test
    void aProductVariableTemplateIsNotOfferedForACustomerLevelSend() {
        SmsTemplate product = approved(create("{{contact.first_name}}，您关注的{{product.title}}降价了", TemplateContext.PRODUCT));
        SmsTemplate customer = approved(create("{{contact.first_name}}，会员日全场8折", TemplateContext.CUSTOMER));
        SmsTemplate pending = create("{{contact.first_name}}，还没审核", TemplateContext.CUSTOMER);

        assertThat(templates.templatesFor(TemplateContext.CUSTOMER)).extracting(SmsTemplate::id)
                .contains(customer.id()).doesNotContain(product.id(), pending.id());
        assertThat(templates.templatesFor(TemplateContext.ORDER)).extracting(SmsTemplate::id)
                .contains(customer.id()).doesNotContain(product.id());
        assertThat(templates.templatesFor(TemplateContext.PRODUCT)).extracting(SmsTemplate::id)
                .contains(customer.id(), product.id());
        assertThatThrownBy(() -> templates.requireUsable(product.id(), TemplateContext.CUSTOMER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("uses {{product.title}}, which a customer-level send does not offer");
        assertThatThrownBy(() -> templates.requireUsable(pending.id(), TemplateContext.CUSTOMER))
                .hasMessageContaining("is not approved (pending)");
        assertThat(templates.requireUsable(product.id(), TemplateContext.PRODUCT)).isEqualTo(product);
    }

    @Test
    void aTemplateLinkMustBeALongLinkOnAnAllowedDomain() {
        assertThatThrownBy(() -> create("领券 https://bit.ly/3xYzAb", TemplateContext.CUSTOMER))
                .hasMessageContaining("already-short link https://bit.ly/3xYzAb — paste the long link; Tidings shortens it")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("body");
        assertThatThrownBy(() -> create("领券 https://elsewhere-" + shop + "/x", TemplateContext.CUSTOMER))
                .hasMessageContaining("link domain elsewhere-" + shop + " is not in the allow-list");
        assertThat(create("查看 https://" + shop + "/o/{{order.number}}", TemplateContext.ORDER).variables())
                .containsExactly("order.number");
    }

    @Test
    void aTestSendReplacesCouponsAndLinksByPlaceholdersAndIsMarkedTest() {
        SmsTemplate t = create("{{contact.first_name}}，券码{{coupon}}，领取 https://" + shop + "/c?id={{order.coupon_url}} 。",
                TemplateContext.ORDER);

        RenderedSms r = templates.renderForTest(t.id(), Map.of("contact.first_name", "小明", "coupon", "REAL-CODE-1"));

        assertThat(r.test()).isTrue();
        assertThat(r.text()).isEqualTo("小明，券码[coupon]，领取 [link] 。");
        assertThat(r.text()).doesNotContain("REAL-CODE-1").doesNotContain(shop);
        assertThat(r.placeholders()).containsExactly("{{coupon}}", "{{order.coupon_url}}", "https://" + shop + "/c?id=[coupon]");
    }

    @Test
    void aTestSendAlsoHidesALinkThatCameInThroughAValue() {
        RenderedSms r = templates.renderForTest("{{contact.first_name}} 看这里 {{contact.page}}",
                Map.of("contact.first_name", "Ann", "contact.page", "https://" + shop + "/me"));
        assertThat(r.text()).isEqualTo("Ann 看这里 [link]");
        assertThat(r.test()).isTrue();
    }

    @Test
    void aRealSendRendersTheValuesAndShortensTheLinksPerRecipient() {
        SmsTemplate t = approved(create("{{contact.first_name}}，订单{{order.number}}: https://" + shop + "/o/{{order.number}}",
                TemplateContext.ORDER));
        String send = "send-" + UUID.randomUUID();

        RenderedSms r = templates.renderForSend(t.id(), TemplateContext.ORDER,
                Map.of("contact.first_name", "小明", "order.number", "A100"), send, "contact-7");

        assertThat(r.test()).isFalse();
        assertThat(r.text()).matches("小明，订单A100: http://localhost:8080/l/[0-9A-Za-z]{8}");
        assertThat(tracking.clicks(send).links()).singleElement()
                .satisfies(l -> assertThat(l.target()).isEqualTo("https://" + shop + "/o/A100"));
        assertThatThrownBy(() -> templates.renderForSend(t.id(), TemplateContext.CUSTOMER,
                Map.of("contact.first_name", "小明", "order.number", "A100"), send, "contact-7"))
                .hasMessageContaining("which a customer-level send does not offer");
    }

    @Test
    void theRestApiCreatesReviewsAndRendersTemplates() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = accounts.createToken("tpl-admin-" + UUID.randomUUID(), Role.ADMIN, null).secret();
        String marketer = accounts.createToken("tpl-marketer-" + UUID.randomUUID(), Role.MARKETER, null).secret();
        String viewer = accounts.createToken("tpl-viewer-" + UUID.randomUUID(), Role.VIEWER, null).secret();
        String name = "api-" + UUID.randomUUID();

        var created = api.call("POST", PATH, marketer, "{\"name\":" + quote(name) + ",\"body\":"
                + quote("Hi {{contact.name}}, use {{coupon}}") + ",\"traffic\":\"marketing\",\"context\":\"customer\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(json(created).get("variables").valueStream().map(v -> v.asString())).containsExactly("contact.name", "coupon");
        assertThat(json(created).get("traffic").asString()).isEqualTo("MARKETING");

        assertThat(api.call("POST", PATH + "/" + id + "/approve", viewer, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", PATH + "/" + id + "/approve", marketer, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", PATH + "/" + id + "/approve", admin, null).statusCode()).isEqualTo(200);
        assertThat(json(api.call("GET", PATH + "?context=customer", viewer, null)).valueStream()
                .map(t -> t.get("name").asString())).contains(name);

        var rendered = api.call("POST", PATH + "/" + id + "/render", marketer,
                "{\"variables\":{\"contact.name\":\"${7*7}\",\"coupon\":\"<script>\"}}");
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(json(rendered).get("text").asString()).isEqualTo("Hi ${7*7}, use <script>");
        var test = api.call("POST", PATH + "/" + id + "/render", marketer, "{\"variables\":{\"contact.name\":\"Ann\"},\"test\":true}");
        assertThat(json(test).get("text").asString()).isEqualTo("Hi Ann, use [coupon]");
        assertThat(json(test).get("test").asBoolean()).isTrue();
        var missing = api.call("POST", PATH + "/" + id + "/render", marketer, "{\"variables\":{}}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).get("detail").asString()).isEqualTo("no value for {{contact.name}}, {{coupon}}");

        var rejected = api.call("POST", PATH + "/" + id + "/reject", admin, "{\"reason\":\"营销短信需含退订方式\"}");
        assertThat(json(rejected).get("state").asString()).isEqualTo("REJECTED");
        assertThat(json(api.call("GET", PATH + "?context=customer", viewer, null)).valueStream()
                .map(t -> t.get("name").asString())).doesNotContain(name);
        assertThat(api.call("POST", PATH, marketer, "{\"name\":" + quote(name) + ",\"body\":\"x\",\"traffic\":\"marketing\",\"context\":\"customer\"}")
                .statusCode()).as("name taken").isEqualTo(409);
        assertThat(api.call("POST", PATH, marketer, "{\"name\":\"n\",\"body\":\"x\",\"traffic\":\"loud\",\"context\":\"customer\"}")
                .statusCode()).isEqualTo(422);
        assertThat(api.call("GET", PATH + "?context=galaxy", viewer, null).statusCode()).isEqualTo(422);
    }

    private SmsTemplate create(String body, TemplateContext context) {
        return templates.create(new NewSmsTemplate("t-" + UUID.randomUUID(), body, Traffic.TRANSACTIONAL, context), "tester");
    }

    private SmsTemplate approved(SmsTemplate t) {
        return templates.approve(t.id(), "reviewer");
    }
}
