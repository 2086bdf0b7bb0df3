package io.tidings.sms.twilio;

import io.tidings.shared.NotFoundException;
import io.tidings.sms.providers.ProviderRegistry;
import io.tidings.sms.providers.WebhookRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Twilio's callbacks. No login: every request must carry a valid X-Twilio-Signature made with the provider's
 * auth token, or it is refused with 403 before anything reaches the sink.
 */
@RestController
@RequestMapping("/api/v1/webhooks/twilio/{providerId}")
class TwilioWebhooks {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final ProviderRegistry registry;
    private final String publicBaseUrl;

    TwilioWebhooks(ProviderRegistry registry, @Value("${tidings.public-base-url:}") String publicBaseUrl) {
        this.registry = registry;
        this.publicBaseUrl = publicBaseUrl;
    }

    @PostMapping("/status")
    ResponseEntity<?> status(@PathVariable long providerId, HttpServletRequest request,
                             @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        return verified(providerId, request, signature, (g, params) -> g.status(params),
                ResponseEntity.noContent().build());
    }

    /** Twilio expects TwiML back; an empty Response sends no reply to the customer. */
    @PostMapping("/inbound")
    ResponseEntity<?> inbound(@PathVariable long providerId, HttpServletRequest request,
                              @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        return verified(providerId, request, signature, (g, params) -> g.inbound(params),
                ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML));
    }

    private interface Handler {
        void handle(TwilioGateway gateway, Map<String, List<String>> params);
    }

    private ResponseEntity<?> verified(long providerId, HttpServletRequest request, String signature,
                                       Handler handler, ResponseEntity<?> ok) {
        TwilioGateway gateway = registry.receiving(providerId, TwilioGateway.class)
                .orElseThrow(() -> new NotFoundException("SMS provider " + providerId + " is not a Twilio provider."));
        Map<String, List<String>> params = WebhookRequests.bodyParams(request);
        if (!gateway.signatureValid(WebhookRequests.calledUrl(publicBaseUrl, request), params, signature)) {
            return WebhookRequests.forbidden("The X-Twilio-Signature header is missing or does not match this request."
                    + " Behind a proxy, set tidings.public-base-url to the URL Twilio calls.");
        }
        handler.handle(gateway, params);
        return ok;
    }
}
