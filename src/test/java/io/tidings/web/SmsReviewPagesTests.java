package io.tidings.web;

import io.tidings.WebSession;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.sms.ReviewState;
import io.tidings.sms.Signature;
import io.tidings.sms.SignaturesApi;
import io.tidings.sms.SmsTemplate;
import io.tidings.sms.SmsTemplatesApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The signatures and templates pages over HTTP, as a browser without JavaScript would use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsReviewPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    SignaturesApi signatures;
    @Autowired
    SmsTemplatesApi templates;
    @Autowired
    AccountsApi accounts;

    @Test
    void anAdminAppliesForASignatureSeesItPendingThenApprovesIt() throws Exception {
        WebSession admin = admin();
        String value = "网店" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        HttpResponse<String> applied = post(admin, "/sms/signatures", "/sms/signatures", Map.of("signature", value));

        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(applied.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sms/signatures"));
        String page = admin.get("/sms/signatures").body();
        assertThat(page).contains("【" + value + "】").contains("Applied for 【" + value + "】").contains("/sms/templates");
        Signature s = find(value);
        assertThat(s.state()).isEqualTo(ReviewState.PENDING);
        assertThat(page).contains("/sms/signatures/" + s.id() + "/approve");

        post(admin, "/sms/signatures", "/sms/signatures/" + s.id() + "/approve", Map.of());

        assertThat(signatures.signature(s.id()).state()).isEqualTo(ReviewState.APPROVED);
        assertThat(admin.get("/sms/signatures").body()).contains("Approved 【" + value + "】");
    }

    @Test
    void anInvalidSignatureIsShownBesideTheFieldWithWhatWasTyped() throws Exception {
        WebSession admin = admin();

        post(admin, "/sms/signatures", "/sms/signatures", Map.of("signature", "TmallShop"));

        String page = admin.get("/sms/signatures").body();
        assertThat(page).contains("id=\"signature-error\"").contains("signature must contain at least one Chinese character");
        assertThat(page).containsPattern("id=\"signature\"[^>]*value=\"TmallShop\"");
    }

    @Test
    void aRejectionAsksForAReasonAndTheReasonIsShown() throws Exception {
        WebSession admin = admin();
        String value = "网店" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Signature s = signatures.apply(value, "someone");

        post(admin, "/sms/signatures", "/sms/signatures/" + s.id() + "/reject", Map.of("reason", " "));
        assertThat(admin.get("/sms/signatures").body()).contains("A rejection needs a reason");
        assertThat(signatures.signature(s.id()).state()).isEqualTo(ReviewState.PENDING);

        post(admin, "/sms/signatures", "/sms/signatures/" + s.id() + "/reject", Map.of("reason", "签名需为店铺名称"));

        assertThat(signatures.signature(s.id()).rejectionReason()).isEqualTo("签名需为店铺名称");
        assertThat(admin.get("/sms/signatures").body()).contains("签名需为店铺名称");
    }

    @Test
    void aMarketerMayApplyButNotReviewFromThePages() throws Exception {
        String name = "m" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(name, "Marketer", null, "correct-horse-battery", Role.MARKETER);
        WebSession marketer = new WebSession(port);
        assertThat(marketer.login(name, "correct-horse-battery")).doesNotContain("error");
        Signature s = signatures.apply("网店" + UUID.randomUUID().toString().replace("-", "").substring(0, 8), "someone");
        SmsTemplate t = templates.create(new io.tidings.sms.NewSmsTemplate("page-" + UUID.randomUUID(), "{{contact.name}} 你好",
                io.tidings.dispatch.Traffic.TRANSACTIONAL, io.tidings.sms.TemplateContext.CUSTOMER), "someone");

        String page = marketer.get("/sms/signatures").body();
        assertThat(page).contains("id=\"apply-signature\"").doesNotContain("/sms/signatures/" + s.id() + "/approve");
        assertThat(post(marketer, "/sms/signatures", "/sms/signatures/" + s.id() + "/approve", Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(marketer, "/sms/templates", "/sms/templates/" + t.id() + "/approve", Map.of()).statusCode()).isEqualTo(403);
        assertThat(signatures.signature(s.id()).state()).isEqualTo(ReviewState.PENDING);
        assertThat(templates.template(t.id()).state()).isEqualTo(ReviewState.PENDING);
    }

    @Test
    void theTemplateFormShowsDetectedVariablesAndCreatesATemplateForReview() throws Exception {
        WebSession admin = admin();
        String name = "page-" + UUID.randomUUID();

        String detected = post(admin, "/sms/templates", "/sms/templates/variables",
                Map.of("body", "{{contact.first_name}}，您的{{product.title}}")).body();
        assertThat(detected).contains(">contact.first_name<").contains(">product.title<").contains("needs at least a product-level send");
        assertThat(post(admin, "/sms/templates", "/sms/templates/variables", Map.of("body", "Hi {{contact-name}}")).body())
                .contains("id=\"variables-error\"").contains("malformed variable");

        post(admin, "/sms/templates", "/sms/templates", Map.of("name", name, "body", "{{contact.first_name}}，订单{{order.number}}已发货",
                "traffic", "transactional", "context", "order"));

        SmsTemplate t = templates.templates().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(t.state()).isEqualTo(ReviewState.PENDING);
        String page = admin.get("/sms/templates").body();
        assertThat(page).contains(name).contains(">order.number<").contains("/sms/templates/" + t.id() + "/approve");

        post(admin, "/sms/templates", "/sms/templates/" + t.id() + "/approve", Map.of());
        assertThat(templates.template(t.id()).state()).isEqualTo(ReviewState.APPROVED);
    }

    @Test
    void aRefusedTemplateShowsWhyAndKeepsWhatWasTyped() throws Exception {
        WebSession admin = admin();

        post(admin, "/sms/templates", "/sms/templates", Map.of("name", "sig-" + UUID.randomUUID(),
                "body", "【天猫旗舰店】{{contact.first_name}}您好", "traffic", "marketing", "context", "customer"));

        String page = admin.get("/sms/templates").body();
        assertThat(page).contains("id=\"create-error\"").contains("must not contain a signature");
        assertThat(page).contains("【天猫旗舰店】{{contact.first_name}}您好</textarea>");
    }

    private WebSession admin() throws Exception {
        WebSession s = new WebSession(port);
        assertThat(s.login("admin", "test-admin-password")).doesNotContain("error");
        return s;
    }

    /** Posts a form with the CSRF token of the page it is on, as the browser would. */
    private static HttpResponse<String> post(WebSession session, String page, String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", session.csrfFrom(page));
        return session.postForm(path, form);
    }

    private Signature find(String value) {
        return signatures.signatures().stream().filter(s -> s.value().equals(value)).findFirst().orElseThrow();
    }
}
