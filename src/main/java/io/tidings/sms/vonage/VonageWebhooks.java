package io.tidings.sms.vonage;

import io.tidings.shared.NotFoundException;
import io.tidings.sms.providers.ProviderRegistry;
import io.tidings.sms.providers.WebhookRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Vonage's callbacks, by GET or POST (form or JSON), as chosen in its dashboard. No login: each must be
 * signed with the provider's signature secret ({@link VonageSignature}) or it is refused with 403 before
 * anything reaches the sink. A provider without a signature secret has its webhooks refused.
 */
@RestController
@RequestMapping("/api/v1/webhooks/vonage/{providerId}")
class VonageWebhooks {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final ProviderRegistry registry;

    VonageWebhooks(ProviderRegistry registry) {
        this.registry = registry;
    }

    @RequestMapping(path = "/dlr", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<?> receipt(@PathVariable long providerId, HttpServletRequest request) throws IOException {
        return verified(providerId, request, VonageGateway::receipt);
    }

    @RequestMapping(path = "/inbound", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<?> inbound(@PathVariable long providerId, HttpServletRequest request) throws IOException {
        return verified(providerId, request, VonageGateway::inbound);
    }

    private ResponseEntity<?> verified(long providerId, HttpServletRequest request,
                                       BiConsumer<VonageGateway, Map<String, String>> handler) throws IOException {
        VonageGateway gateway = registry.receiving(providerId, VonageGateway.class)
                .orElseThrow(() -> new NotFoundException("SMS provider " + providerId + " is not a Vonage provider."));
        if (!gateway.signs()) {
            return WebhookRequests.forbidden("This Vonage provider has no signatureSecret: unsigned webhooks are refused.");
        }
        Map<String, String> params = WebhookRequests.allParams(request, JSON);
        if (!gateway.signatureValid(params, Instant.now())) {
            return WebhookRequests.forbidden("The sig parameter is missing or wrong, or the timestamp is more than"
                    + " five minutes off.");
        }
        handler.accept(gateway, params);
        return ResponseEntity.noContent().build();
    }
}
