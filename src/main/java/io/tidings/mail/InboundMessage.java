package io.tidings.mail;

import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A mail as routing sees it, parsed from its raw bytes by {@link InboundParser}. {@code id} is the stored mail's,
 * or 0 for mail the MX routes before storing it (both in one transaction). Every header value
 * here is single-line (line breaks and control characters removed), so none can inject a header.
 *
 * @param envelopeFrom     MAIL FROM (for IMAP: Return-Path), {@code ""} for the null sender {@code <>}, null when unknown
 * @param envelopeTo       RCPT TO addresses (for IMAP: the Delivered-To / X-Original-To headers)
 * @param headerRecipients To, Cc, Delivered-To, X-Original-To and similar header addresses, lower case
 * @param fromAddress      the From address, lower case, or null when there is none or it is not an address
 * @param text             the plain-text body (from the text part, or else from the HTML)
 * @param htmlSanitized    the HTML body after sanitising, or null
 * @param mime             the parsed message, for bounce reports; its content may still fail to parse
 * @param problem          what could not be parsed, or null
 */
record InboundMessage(long id, String envelopeFrom, List<String> envelopeTo, List<String> headerRecipients,
                      String messageId, String inReplyTo, List<String> references, String subject,
                      String fromAddress, String fromName, String text, String htmlSanitized, MimeMessage mime,
                      String problem) {

    /** The same mail under the id it is (or will be) stored with; 0 while it is not stored. */
    InboundMessage withId(long storedId) {
        return new InboundMessage(storedId, envelopeFrom, envelopeTo, headerRecipients, messageId, inReplyTo, references,
                subject, fromAddress, fromName, text, htmlSanitized, mime, problem);
    }

    /** Envelope recipients first, then those only named in headers (forwarded mail), without repeats. */
    List<String> allRecipients() {
        return java.util.stream.Stream.concat(envelopeTo.stream(), headerRecipients.stream())
                .map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    String header(String name) {
        try {
            String v = mime.getHeader(name, ",");
            return v == null ? null : InboundParser.singleLine(v);
        } catch (jakarta.mail.MessagingException e) {
            return null;
        }
    }

    /** Who wrote it: the From address, else the envelope sender. */
    String sender() {
        if (fromAddress != null) {
            return fromAddress;
        }
        return envelopeFrom == null || envelopeFrom.isBlank() ? null : envelopeFrom.toLowerCase(java.util.Locale.ROOT);
    }
}
