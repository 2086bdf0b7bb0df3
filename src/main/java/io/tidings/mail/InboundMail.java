package io.tidings.mail;

import java.time.Instant;
import java.util.List;

/**
 * A stored inbound mail and what routing did with it (the raw bytes are fetched apart, see
 * {@link MailApi#inboundRaw}). {@code route} is pending, reply, auto_reply, alias, bounce, duplicate or catchall.
 */
public record InboundMail(long id, Instant receivedAt, String source, Long mailboxId, String remoteAddress,
                          String envelopeFrom, List<String> envelopeTo, int size, String messageId, String fromAddress,
                          String subject, String htmlSanitized, String route, String routeDetail, String error,
                          String recordModel, Long recordId, Long threadMessageId, Instant routedAt) {

    /** "lead/12" or null. */
    public String recordKey() {
        return recordModel == null ? null : recordModel + "/" + recordId;
    }
}
