package io.tidings.sms.signatures;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.ReviewState;
import io.tidings.sms.SignaturesApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.tidings.ApiClient.json;
import static io.tidings.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignaturesApiTests {

    private static final String PATH = "/api/v1/sms/signatures";

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;
    @Autowired
    SignaturesApi signatures;

    private ApiClient api;
    private String admin;
    private String marketer;
    private String viewer;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        admin = accounts.createToken("sig-admin-" + UUID.randomUUID(), Role.ADMIN, null).secret();
        marketer = accounts.createToken("sig-marketer-" + UUID.randomUUID(), Role.MARKETER, null).secret();
        viewer = accounts.createToken("sig-viewer-" + UUID.randomUUID(), Role.VIEWER, null).secret();
    }

    /** Unique per call: the database outlives the test run. 店 + 8 letters/digits = 9 characters. */
    static String uniqueSignature() {
        return "店" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void aValidSignatureIsAppliedForAndPending() throws Exception {
        String value = uniqueSignature();

        var r = apply(marketer, "【" + value + "】");

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode s = json(r);
        assertThat(s.get("value").asString()).isEqualTo(value);
        assertThat(s.get("state").asString()).isEqualTo("PENDING");
        assertThat(s.get("appliedBy").asString()).startsWith("token:sig-marketer-");
        assertThat(json(api.call("GET", PATH, viewer, null)).valueStream().map(x -> x.get("value").asString())).contains(value);
    }

    @Test
    void onlyLettersOnlyDigitsOrTooLongIsUnprocessableWithTheReason() throws Exception {
        assertRefused("TmallShop", "at least one Chinese character");
        assertRefused("12345678", "at least one Chinese character");
        assertRefused("天猫旗舰店天猫旗舰店天猫旗", "3 to 12 characters, got 13");
        assertRefused("店", "3 to 12 characters, got 1");
        assertRefused("天猫 旗舰店", "not ' '");
        assertThat(apply(marketer, "天猫Shop88").statusCode()).as("Chinese mixed with letters and digits").isIn(201, 409);
    }

    @Test
    void anAdminApprovesAndOnlyThenTheSignatureMaySend() throws Exception {
        String value = uniqueSignature();
        long id = json(apply(marketer, value)).get("id").asLong();
        assertThatThrownBy(() -> signatures.requireApproved(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("signature 【" + value + "】 is not approved (pending)");

        var approved = api.call("POST", PATH + "/" + id + "/approve", admin, null);

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json(approved).get("state").asString()).isEqualTo("APPROVED");
        assertThat(json(approved).get("reviewedBy").asString()).startsWith("token:sig-admin-");
        assertThat(signatures.requireApproved("【" + value + "】").bracketed()).isEqualTo("【" + value + "】");
        assertThat(api.call("POST", PATH + "/" + id + "/approve", admin, null).statusCode()).as("approved twice").isEqualTo(409);
    }

    @Test
    void aRejectionNeedsAReasonWhichTheApplicantSees() throws Exception {
        String value = uniqueSignature();
        long id = json(apply(marketer, value)).get("id").asLong();
        var noReason = api.call("POST", PATH + "/" + id + "/reject", admin, "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(json(noReason).get("field").asString()).isEqualTo("reason");

        var rejected = api.call("POST", PATH + "/" + id + "/reject", admin, "{\"reason\":\"请使用店铺名称\"}");

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(json(rejected).get("state").asString()).isEqualTo("REJECTED");
        assertThat(json(rejected).get("rejectionReason").asString()).isEqualTo("请使用店铺名称");
        JsonNode listed = json(api.call("GET", PATH, marketer, null)).valueStream()
                .filter(x -> x.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(listed.get("rejectionReason").asString()).isEqualTo("请使用店铺名称");
        assertThatThrownBy(() -> signatures.requireApproved(value))
                .hasMessage("signature 【" + value + "】 is not approved (rejected: 请使用店铺名称)");
    }

    @Test
    void aRejectedSignatureMayBeAppliedForAgainButAPendingOneNot() throws Exception {
        String value = uniqueSignature();
        long id = json(apply(marketer, value)).get("id").asLong();
        assertThat(apply(marketer, value).statusCode()).isEqualTo(409);
        signatures.reject(id, "admin", "too generic");

        var again = apply(marketer, value);

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("id").asLong()).isEqualTo(id);
        assertThat(json(again).get("state").asString()).isEqualTo("PENDING");
        assertThat(json(again).get("rejectionReason").isNull()).isTrue();
        assertThat(signatures.signature(id).state()).isEqualTo(ReviewState.PENDING);
    }

    @Test
    void aViewerOrMarketerCannotReviewAndAViewerCannotApply() throws Exception {
        String value = uniqueSignature();
        long id = json(apply(marketer, value)).get("id").asLong();

        assertThat(api.call("POST", PATH + "/" + id + "/approve", viewer, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", PATH + "/" + id + "/approve", marketer, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", PATH + "/" + id + "/reject", marketer, "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(apply(viewer, uniqueSignature()).statusCode()).isEqualTo(403);
        assertThat(signatures.signature(id).state()).isEqualTo(ReviewState.PENDING);
    }

    @Test
    void aSignatureNeverAppliedForIsNotApprovedAndAnUnknownIdIsNotFound() throws Exception {
        String value = uniqueSignature();
        assertThatThrownBy(() -> signatures.requireApproved(value))
                .hasMessage("signature 【" + value + "】 is not approved (never applied for)");
        assertThatThrownBy(() -> signatures.requireApproved("ABC")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one Chinese character");
        assertThat(api.call("POST", PATH + "/999999999/approve", admin, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> apply(String token, String signature) throws Exception {
        return api.call("POST", PATH, token, "{\"signature\":" + quote(signature) + "}");
    }

    private void assertRefused(String signature, String reason) throws Exception {
        var r = apply(marketer, signature);
        assertThat(r.statusCode()).as(signature).isEqualTo(422);
        assertThat(json(r).get("field").asString()).isEqualTo("signature");
        assertThat(json(r).get("detail").asString()).as(signature).contains(reason);
    }
}
