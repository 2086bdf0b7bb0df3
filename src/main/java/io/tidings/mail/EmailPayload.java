package io.tidings.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tidings.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The JSON payload of a message on the dispatch channel {@code email}. Threads enqueue
 * {@code {to, subject, body, record, messageId}}; campaigns may add the rest. Unknown fields are ignored.
 *
 * @param to          the recipient; defaults to the queued message's recipient
 * @param body        plain text, sent as UTF-8 quoted-printable
 * @param html        an optional HTML alternative of the same text
 * @param record      {@code lead/12}: Reply-To becomes the record's signed reply address, and In-Reply-To and
 *                    References come from its thread when not given
 * @param messageId   {@code <id@domain>}; made from the mail domain when absent
 * @param inReplyTo   overrides the thread's parent
 * @param references  overrides the thread's chain, oldest first
 * @param marketing   marketing mail (also when the queued message's traffic is marketing): consent is
 *                    checked and List-Unsubscribe is added
 * @param contactId   the contact the mail is for; marketing consent is read from it (else found by address)
 * @param fromName    display name instead of {@code tidings.mail.from-name}
 * @param unsubscribe add List-Unsubscribe to non-marketing mail too (true), or never (false); null follows marketing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailPayload(String to, String subject, String body, String html, String record, String messageId,
                           String inReplyTo, List<String> references, Boolean marketing, Long contactId,
                           String fromName, Boolean unsubscribe) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A marketing mail to one contact, as a campaign would queue it. */
    public static EmailPayload marketing(String to, long contactId, String subject, String body, String html) {
        return new EmailPayload(to, subject, body, html, null, null, null, null, true, contactId, null, null);
    }

    /** A transactional mail with no record. */
    public static EmailPayload transactional(String to, String subject, String body) {
        return new EmailPayload(to, subject, body, null, null, null, null, null, null, null, null, null);
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** @throws InvalidInputException when the text is not a JSON object of this shape */
    public static EmailPayload parse(String json) {
        try {
            EmailPayload p = JSON.readValue(json == null || json.isBlank() ? "{}" : json, EmailPayload.class);
            if (p == null) {
                throw new InvalidInputException("payload", "the payload is empty");
            }
            return p;
        } catch (JacksonException e) {
            throw new InvalidInputException("payload", "the email payload is not readable: " + e.getOriginalMessage());
        }
    }

    boolean isMarketing() {
        return Boolean.TRUE.equals(marketing);
    }
}
