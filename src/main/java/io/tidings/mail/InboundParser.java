package io.tidings.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw bytes to {@link InboundMessage}, never throwing for bad input: malformed MIME falls back to the
 * raw body as text, an unknown or lying charset to UTF-8 or else ISO-8859-1, a bad address to null.
 */
@Component
class InboundParser {

    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To",
            "X-Forwarded-To", "Envelope-To", "X-Envelope-To", "Resent-To", "Resent-Cc");
    private static final int MAX_DEPTH = 16;
    private static final int MAX_PARTS = 200;
    private static final Session SESSION = Session.getInstance(lenient());

    static {
        MailStreams.install();
    }

    private static Properties lenient() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    InboundMessage parse(long id, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
        MimeMessage mime;
        try {
            // shared: the body is a view of the raw bytes, not a copy
            mime = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            // headers so broken that nothing parses: an empty message keeps routing going, the raw stays stored
            mime = new MimeMessage(SESSION);
            return new InboundMessage(id, envelopeFrom, envelopeTo, List.of(), null, null, List.of(), null, null, null,
                    decode(raw, null), null, mime, "unreadable headers: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Bodies bodies = new Bodies();
        try {
            walk(mime, bodies, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("malformed MIME: " + e.getMessage());
        }
        if (bodies.text == null && bodies.html == null) {
            bodies.text = rawBody(raw);
        }
        String html = bodies.html == null ? null : HtmlBodies.sanitize(bodies.html);
        String text = bodies.text != null ? bodies.text : HtmlBodies.toText(bodies.html);
        InternetAddress from = firstAddress(header(mime, "From"));
        return new InboundMessage(id, envelopeFrom, envelopeTo, headerRecipients(mime),
                firstId(header(mime, "Message-ID")), firstId(header(mime, "In-Reply-To")), allIds(header(mime, "References")),
                subject(mime), from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null || from.getPersonal() == null ? null : singleLine(from.getPersonal()),
                text, html, mime, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static final class Bodies {
        String text;
        String html;
        int parts;
    }

    private void walk(Part part, Bodies bodies, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++bodies.parts > MAX_PARTS) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, bodies, depth + 1);
                }
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part));
        if (attachment) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = text(part);
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part);
        } else if (depth == 0 && !part.isMimeType("text/*") && !part.isMimeType("message/*")) {
            bodies.text = "";
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** A text part decoded by its declared charset when Java knows it, else by a safe guess. */
    static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException ignored) {
            // an unparsable Content-Type has no usable charset
        }
        return decode(bytes, charset);
    }

    static String decode(byte[] bytes, String charsetName) {
        Charset declared = null;
        if (charsetName != null) {
            try {
                String n = charsetName.trim().replace("\"", "");
                declared = Charset.isSupported(n) ? Charset.forName(n) : null;
            } catch (RuntimeException unknown) {
                declared = null;
            }
        }
        if (declared != null) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The body after the header block, as text: what a reader sees when the MIME structure is broken. */
    private static String rawBody(byte[] raw) {
        int start = 0;
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                start = i + (raw[i + 1] == '\n' ? 2 : 3);
                break;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, Math.min(start, raw.length), raw.length);
        return decode(body, null);
    }

    private static String header(MimeMessage mime, String name) {
        try {
            return mime.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String subject(MimeMessage mime) {
        try {
            String s = mime.getSubject();
            if (s == null) {
                return null;
            }
            String clean = singleLine(s);
            return clean.length() > 998 ? clean.substring(0, 998) : clean;
        } catch (MessagingException | RuntimeException e) {
            String raw = header(mime, "Subject");
            return raw == null ? null : singleLine(raw);
        }
    }

    private static List<String> headerRecipients(MimeMessage mime) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : RECIPIENT_HEADERS) {
            String value = header(mime, h);
            if (value != null) {
                out.addAll(addresses(value));
            }
        }
        return List.copyOf(out);
    }

    /** Every address in a header value; a value the strict parser refuses is searched for addresses. */
    static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(singleLine(value), false)) {
                if (a.getAddress() != null && ADDRESS.matcher(a.getAddress()).matches()) {
                    out.add(a.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (AddressException | RuntimeException e) {
            Matcher m = ADDRESS.matcher(value);
            while (m.find()) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static InternetAddress firstAddress(String value) {
        if (value == null) {
            return null;
        }
        try {
            for (InternetAddress a : InternetAddress.parseHeader(singleLine(value), false)) {
                if (a.getAddress() != null && ADDRESS.matcher(a.getAddress()).matches()) {
                    return a;
                }
            }
        } catch (AddressException | RuntimeException e) {
            Matcher m = ADDRESS.matcher(value);
            if (m.find()) {
                InternetAddress a = new InternetAddress();
                a.setAddress(m.group());
                return a;
            }
        }
        return null;
    }

    static String firstId(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(singleLine(value));
        return m.find() ? m.group() : null;
    }

    static List<String> allIds(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(singleLine(value));
        while (m.find() && out.size() < 100) {
            out.add(m.group());
        }
        return out;
    }

    /** One line, no control characters: safe as a subject or any header again. */
    static String singleLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean breakOrControl = c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
            b.appendCodePoint(breakOrControl ? ' ' : c);
        });
        return b.toString().replaceAll(" {2,}", " ").strip();
    }
}
