package io.tidings.sms.send;

import io.tidings.dispatch.Traffic;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SendPreview;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsMessageLog;
import io.tidings.sms.SmsReply;
import io.tidings.sms.SmsSendStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends over the API. Admins and marketers send anything; a salesperson sends a transactional message
 * to one recipient (SecurityConfig lets them in, this class holds them to that).
 */
@RestController
@RequestMapping("/api/v1/sms")
class SendsController {

    private final SmsApi sms;

    SendsController(SmsApi sms) {
        this.sms = sms;
    }

    /** The JSON body; traffic is "transactional" or "marketing". */
    record Body(List<Long> contactIds, List<String> phones, String q, String tag, String text, Long templateId,
                String context, Map<String, String> values, String traffic, String profile, Boolean smartEncoding,
                String signature, String unsubscribe, Boolean test) {

        SendRequest request() {
            Traffic t;
            try {
                t = traffic == null || traffic.isBlank() ? Traffic.TRANSACTIONAL : Traffic.parse(traffic.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("traffic", "traffic must be transactional or marketing, not '" + traffic + "'");
            }
            return new SendRequest(contactIds, phones, q, tag, text, templateId, context, values, t, profile,
                    Boolean.TRUE.equals(smartEncoding), signature, unsubscribe, Boolean.TRUE.equals(test));
        }
    }

    @PostMapping("/preview")
    SendPreview preview(@RequestBody Body body, Authentication who) {
        return sms.preview(allowed(body.request(), who));
    }

    @PostMapping("/sends")
    ResponseEntity<SendReceipt> send(@RequestBody Body body, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sms.send(allowed(body.request(), who), who.getName()));
    }

    @GetMapping("/sends/{id}")
    SmsSendStatus status(@PathVariable String id) {
        return sms.sendStatus(id);
    }

    @GetMapping("/messages")
    List<SmsMessageLog> messages(@RequestParam(required = false) String sendId, @RequestParam(required = false) Long contactId) {
        if ((sendId == null || sendId.isBlank()) && contactId == null) {
            throw new InvalidInputException("sendId", "Name a sendId or a contactId.");
        }
        return sms.messages(sendId, contactId);
    }

    /** What a contact sent us: replies and keywords, newest first. */
    @GetMapping("/replies")
    List<SmsReply> replies(@RequestParam long contactId) {
        return sms.repliesFor(contactId);
    }

    private static SendRequest allowed(SendRequest r, Authentication who) {
        boolean mayBulk = who.getAuthorities().stream().map(a -> a.getAuthority().toUpperCase(Locale.ROOT))
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_MARKETER"));
        boolean single = r.contactIds().size() + r.phones().size() == 1 && (r.q() == null || r.q().isBlank())
                && (r.tag() == null || r.tag().isBlank());
        if (!mayBulk && (r.traffic() == Traffic.MARKETING || !single)) {
            throw new AccessDeniedException("A salesperson sends transactional messages to one recipient.");
        }
        return r;
    }
}
