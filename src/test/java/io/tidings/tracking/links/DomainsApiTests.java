package io.tidings.tracking.links;

import io.tidings.ApiClient;
import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static io.tidings.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DomainsApiTests {

    @LocalServerPort
    int port;
    @Autowired
    AccountsApi accounts;

    private ApiClient api;
    private String marketer;
    private String viewer;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        marketer = accounts.createToken("domains-marketer-" + UUID.randomUUID(), Role.MARKETER, null).secret();
        viewer = accounts.createToken("domains-viewer-" + UUID.randomUUID(), Role.VIEWER, null).secret();
    }

    @Test
    void aMarketerAllowsListsAndRemovesADomain() throws Exception {
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";

        var added = api.call("POST", "/api/v1/tracking/domains", marketer, "{\"domain\":\"https://WWW." + domain + "/x\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).get("domain").asString()).isEqualTo("www." + domain);
        assertThat(json(added).get("addedBy").asString()).startsWith("token:domains-marketer-");
        var list = api.call("GET", "/api/v1/tracking/domains", viewer, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).valueStream().map(d -> d.get("domain").asString())).contains("www." + domain);
        assertThat(api.call("DELETE", "/api/v1/tracking/domains/www." + domain, marketer, null).statusCode()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/v1/tracking/domains/www." + domain, marketer, null).statusCode()).isEqualTo(404);
        assertThat(json(api.call("GET", "/api/v1/tracking/domains", viewer, null)).valueStream()
                .map(d -> d.get("domain").asString())).doesNotContain("www." + domain);
    }

    @Test
    void aViewerMayReadTheAllowListButNotChangeIt() throws Exception {
        String domain = "v" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        assertThat(api.call("POST", "/api/v1/tracking/domains", viewer, "{\"domain\":\"" + domain + "\"}").statusCode()).isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/tracking/domains/" + domain, viewer, null).statusCode()).isEqualTo(403);
        assertThat(api.call("POST", "/api/v1/tracking/domains", null, "{\"domain\":\"" + domain + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void notADomainOrAShortenerIsUnprocessableWithTheReason() throws Exception {
        var ip = api.call("POST", "/api/v1/tracking/domains", marketer, "{\"domain\":\"10.0.0.1\"}");
        assertThat(ip.statusCode()).isEqualTo(422);
        assertThat(json(ip).get("field").asString()).isEqualTo("domain");
        var shortener = api.call("POST", "/api/v1/tracking/domains", marketer, "{\"domain\":\"bit.ly\"}");
        assertThat(shortener.statusCode()).isEqualTo(422);
        assertThat(json(shortener).get("detail").asString()).contains("link shortener");
        assertThat(api.call("POST", "/api/v1/tracking/domains", marketer, "{}").statusCode()).isEqualTo(422);
    }
}
