package io.tidings.mail;

import io.tidings.threads.RecordModel;
import io.tidings.threads.RecordRef;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed addresses and links. Local parts are lower case only, because mail servers may fold case:
 * <ul>
 *   <li>reply: {@code reply+lead-12-<sig>@<domain>}, so a reply finds its record's thread;</li>
 *   <li>bounce (VERP): {@code bounce+<dispatch id>-<sig>@<domain>}, so a bounce finds its message;</li>
 *   <li>unsubscribe: an opaque URL-safe token naming an address, honoured by POST only.</li>
 * </ul>
 * Signatures are HMAC-SHA256 over the purpose and the value, truncated to 80 bits, compared in constant time.
 */
@Component
public class MailTokens {

    private static final Pattern REPLY = Pattern.compile("reply\\+([a-z]+)-(\\d{1,18})-([0-9a-z]{16,32})");
    private static final Pattern BOUNCE = Pattern.compile("bounce\\+(\\d{1,18})-([0-9a-z]{16,32})");
    private static final int SIG_BYTES = 10;

    private final MailSecrets secrets;
    private final MailSettings settings;
    private final Map<String, Mac> macs = new ConcurrentHashMap<>();

    MailTokens(MailSecrets secrets, MailSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    /** The Reply-To address of a record's thread. */
    public String replyAddress(RecordRef record) {
        String value = record.model().key() + "-" + record.id();
        return "reply+" + value + "-" + sign("reply", value) + "@" + settings.domain();
    }

    /** The record a reply address names, when its signature is right. Takes the whole address or its local part. */
    public Optional<RecordRef> parseReply(String address) {
        Matcher m = REPLY.matcher(localPart(address));
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group(1) + "-" + m.group(2);
        if (!verify("reply", value, m.group(3))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordRef(RecordModel.parse(m.group(1)), Long.parseLong(m.group(2))));
        } catch (RuntimeException unknownModel) {
            return Optional.empty();
        }
    }

    /** The envelope sender (Return-Path) of one queued message. */
    public String bounceAddress(long dispatchId) {
        String value = String.valueOf(dispatchId);
        return "bounce+" + value + "-" + sign("bounce", value) + "@" + settings.domain();
    }

    /** The dispatch message a VERP bounce address names, when its signature is right. */
    public Optional<Long> parseBounce(String address) {
        Matcher m = BOUNCE.matcher(localPart(address));
        if (!m.matches() || !verify("bounce", m.group(1), m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** A token for {@code /mail/unsubscribe/<token>} naming this address. */
    public String unsubscribeToken(String address) {
        String value = address.trim().toLowerCase(Locale.ROOT);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + sign("unsubscribe", value);
    }

    /** The address an unsubscribe token names, when its signature is right. */
    public Optional<String> parseUnsubscribe(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            return verify("unsubscribe", value, token.substring(dot + 1)) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String localPart(String address) {
        if (address == null) {
            return "";
        }
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        return (at >= 0 ? a.substring(0, at) : a).toLowerCase(Locale.ROOT);
    }

    private String sign(String purpose, String value) {
        try {
            Mac mac = mac(purpose);
            byte[] full = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, SIG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A keyed Mac of its own for each call, cloned from one made per purpose: getInstance and init cost more than a message. */
    private Mac mac(String purpose) throws GeneralSecurityException {
        Mac prototype = macs.get(purpose);
        if (prototype == null) {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secrets.secret(purpose), "HmacSHA256"));
            macs.putIfAbsent(purpose, prototype);
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret(purpose), "HmacSHA256"));
            return mac;
        }
    }

    private boolean verify(String purpose, String value, String signature) {
        return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
