package io.tidings.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a bounce says: an RFC 3464 delivery status notification ({@code multipart/report;
 * report-type=delivery-status}) field by field, or else the plain-text forms MTAs still send (qmail's
 * "Hi. This is the qmail-send program", Exim's and Postfix's "Mail delivery failed" texts with a 5xx
 * or 4xx code next to the address). Empty when the mail is not recognisably a bounce.
 */
@Component
class BounceParser {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern BASIC = Pattern.compile("(?m)(?:^|\\s|[:(])([45])\\d\\d(?=[\\s-])");
    private static final Pattern QMAIL_RECIPIENT = Pattern.compile("(?m)^<([^<>\\s]+@[^<>\\s]+)>:\\s*$");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)undeliver|delivery status notification|failure notice|returned mail|mail delivery failed|"
                    + "delivery failure|delivery has failed|could not be delivered|non[- ]?delivery");
    private static final Pattern FAILURE_WORDS = Pattern.compile(
            "(?i)permanent(ly)? (error|failure|fatal)|user unknown|no such user|does not exist|mailbox unavailable|"
                    + "address rejected|could not be delivered|wasn't able to deliver|failed permanently|recipient address rejected");
    private static final Pattern TEMPORARY_WORDS = Pattern.compile("(?i)temporar(y|ily)|mailbox full|over quota|try again later|deferred");
    private static final List<String> COPY_MARKERS = List.of("--- Below this line is a copy of the message",
            "------ This is a copy of the message", "----- Original message -----", "-----Original Message-----",
            "----- The following addresses had", "Content-Type: message/rfc822", "------- Returned message", "Original message follows");

    private final InboundRecipients recipients;

    BounceParser(InboundRecipients recipients) {
        this.recipients = recipients;
    }

    List<BounceReport> parse(InboundMessage m, boolean toBounceAddress) {
        List<BounceReport> dsn = deliveryStatus(m);
        if (!dsn.isEmpty()) {
            return dsn;
        }
        if (!looksLikeBounce(m, toBounceAddress) || m.text() == null) {
            return List.of();
        }
        String text = beforeTheCopy(m.text());
        List<BounceReport> qmail = qmail(text);
        return qmail.isEmpty() ? plainText(text) : qmail;
    }

    // --- RFC 3464

    private List<BounceReport> deliveryStatus(InboundMessage m) {
        try {
            if (!m.mime().isMimeType("multipart/report")) {
                return List.of();
            }
            Part status = find(m.mime(), 0);
            if (status == null) {
                return List.of();
            }
            String text;
            try (InputStream in = status.getInputStream()) {
                text = InboundParser.decode(in.readNBytes(256 * 1024), "UTF-8");
            }
            return fields(text);
        } catch (MessagingException | IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Part find(Part p, int depth) throws MessagingException, IOException {
        if (depth > 5) {
            return null;
        }
        if (p.isMimeType("message/delivery-status") || p.isMimeType("message/global-delivery-status")) {
            return p;
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                Part found = find(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The per-recipient field groups of a delivery-status body (the first group is per-message). */
    static List<BounceReport> fields(String body) {
        List<BounceReport> out = new ArrayList<>();
        String unfolded = body.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        String[] groups = unfolded.split("\n\\s*\n");
        for (String group : groups) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String line : group.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    f.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            String recipient = address(f.getOrDefault("final-recipient", f.get("original-recipient")));
            String action = f.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            String status = f.get("status");
            if (recipient == null && status == null) {
                continue; // the per-message group, or noise
            }
            String code = status == null ? null : status.split("\\s")[0];
            boolean permanent = code != null && code.startsWith("5");
            boolean failed = action.isEmpty() ? code != null && (code.startsWith("5") || code.startsWith("4")) : action.startsWith("failed");
            out.add(new BounceReport(recipient, code, failed, permanent, f.get("diagnostic-code")));
        }
        return out;
    }

    /** {@code rfc822; someone@example.org} → the address. */
    private static String address(String typed) {
        if (typed == null) {
            return null;
        }
        int semi = typed.indexOf(';');
        String a = (semi >= 0 ? typed.substring(semi + 1) : typed).trim().replaceAll("^<|>$", "");
        return InboundParser.ADDRESS.matcher(a).matches() ? a.toLowerCase(Locale.ROOT) : null;
    }

    // --- plain-text bounces

    private boolean looksLikeBounce(InboundMessage m, boolean toBounceAddress) {
        String from = m.fromAddress() == null ? "" : m.fromAddress();
        boolean daemon = from.startsWith("mailer-daemon@") || from.startsWith("postmaster@") || from.startsWith("mail-daemon@");
        boolean nullSender = m.envelopeFrom() != null && m.envelopeFrom().isBlank();
        boolean subject = m.subject() != null && BOUNCE_SUBJECT.matcher(m.subject()).find();
        boolean qmail = m.text() != null && m.text().contains("This is the qmail-send program");
        return qmail || toBounceAddress || ((daemon || nullSender) && subject) || (daemon && nullSender);
    }

    private static String beforeTheCopy(String text) {
        int cut = text.length();
        for (String marker : COPY_MARKERS) {
            int at = text.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return text.substring(0, cut);
    }

    /** qmail: {@code <address>:} on its own line, the remote's words below it until a blank line. */
    private static List<BounceReport> qmail(String text) {
        if (!text.contains("qmail-send program")) {
            return List.of();
        }
        boolean permanentHeader = text.contains("permanent error");
        List<BounceReport> out = new ArrayList<>();
        String t = text.replace("\r\n", "\n");
        Matcher m = QMAIL_RECIPIENT.matcher(t);
        while (m.find()) {
            int end = t.indexOf("\n\n", m.end());
            String words = t.substring(m.end(), end < 0 ? t.length() : end).strip();
            String code = code(words);
            boolean hard = code != null ? code.startsWith("5") : permanentHeader;
            out.add(new BounceReport(m.group(1).toLowerCase(Locale.ROOT), code, true, hard, words));
        }
        return out;
    }

    /** Exim, Postfix (old style), Sendmail and friends: addresses in the text, the nearest status code after each. */
    private List<BounceReport> plainText(String text) {
        List<BounceReport> out = new ArrayList<>();
        Matcher m = InboundParser.ADDRESS.matcher(text);
        List<String> seen = new ArrayList<>();
        String anyCode = code(text);
        boolean failureWords = FAILURE_WORDS.matcher(text).find();
        boolean temporaryWords = TEMPORARY_WORDS.matcher(text).find();
        if (anyCode == null && !failureWords && !temporaryWords) {
            return List.of();
        }
        while (m.find()) {
            String address = m.group().toLowerCase(Locale.ROOT);
            if (recipients.isOurs(address) || address.startsWith("mailer-daemon@") || address.startsWith("postmaster@")
                    || seen.contains(address)) {
                continue;
            }
            seen.add(address);
            String near = code(text.substring(m.end(), Math.min(text.length(), m.end() + 400)));
            String code = near != null ? near : anyCode;
            boolean hard = code != null ? code.startsWith("5") : failureWords && !temporaryWords;
            int lineEnd = text.indexOf('\n', Math.min(text.length(), m.end() + 1));
            String words = text.substring(m.start(), lineEnd < 0 ? text.length() : Math.min(lineEnd + 200, text.length())).strip();
            out.add(new BounceReport(address, code, true, hard, words));
        }
        return out;
    }

    /** The first enhanced status code (5.1.1), else the first basic reply code (550), 4xx or 5xx only. */
    private static String code(String text) {
        Matcher e = ENHANCED.matcher(text);
        while (e.find()) {
            if (!e.group(1).equals("2")) {
                return e.group();
            }
        }
        Matcher b = BASIC.matcher(text);
        return b.find() ? text.substring(b.start(1), b.start(1) + 3) : null;
    }

    /** The Message-ID of the mail that bounced, from the returned copy or headers, when the report carries one. */
    static String originalMessageId(InboundMessage m) {
        try {
            if (m.mime().isMimeType("multipart/*") && m.mime().getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart p = mp.getBodyPart(i);
                    if (p.isMimeType("message/rfc822") || p.isMimeType("text/rfc822-headers")) {
                        try (InputStream in = p.getInputStream()) {
                            String headers = InboundParser.decode(in.readNBytes(64 * 1024), "UTF-8");
                            Matcher id = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)").matcher(headers);
                            if (id.find()) {
                                return id.group(1);
                            }
                        }
                    }
                }
            }
        } catch (MessagingException | IOException | RuntimeException ignored) {
            // no usable copy of the original
        }
        return null;
    }
}
