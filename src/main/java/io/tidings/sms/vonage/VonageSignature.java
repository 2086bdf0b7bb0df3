package io.tidings.sms.vonage;

import io.tidings.shared.InvalidInputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vonage's signed webhooks ("Signing Messages", developer.vonage.com/en/getting-started/concepts/signing-messages,
 * and its reference implementation com.vonage.client.auth.RequestSigning in vonage-java-sdk):
 * <ol>
 *   <li>take every parameter except {@code sig}, leaving out those whose value is empty or blank;</li>
 *   <li>sort them by name and write each as {@code &name=value}, with every {@code &} and {@code =} inside a
 *       name or value replaced by {@code _};</li>
 *   <li>{@code md5hash} (the dashboard's default): lowercase hex MD5 of that string followed by the signature
 *       secret; {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}: hex HMAC of the string keyed with the
 *       secret (Vonage writes these in uppercase; hex case is ignored when comparing);</li>
 *   <li>the {@code timestamp} parameter (Unix seconds, itself signed) must be within 5 minutes of now, so a
 *       captured request cannot be replayed later.</li>
 * </ol>
 */
final class VonageSignature {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    enum Method {
        MD5HASH("md5hash", null), MD5("md5", "HmacMD5"), SHA1("sha1", "HmacSHA1"),
        SHA256("sha256", "HmacSHA256"), SHA512("sha512", "HmacSHA512");

        final String key;
        final String hmac;

        Method(String key, String hmac) {
            this.key = key;
            this.hmac = hmac;
        }

        static Method parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Method m : values()) {
                if (m.key.equals(t)) {
                    return m;
                }
            }
            throw new InvalidInputException("config.signatureMethod",
                    "Provider config 'signatureMethod' is one of md5hash, md5, sha1, sha256, sha512.");
        }
    }

    private VonageSignature() {
    }

    static String signedString(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            String v = e.getValue();
            if ("sig".equals(e.getKey()) || v == null || v.isBlank()) {
                continue;
            }
            s.append('&').append(clean(e.getKey())).append('=').append(clean(v));
        }
        return s.toString();
    }

    static String compute(Method method, String secret, Map<String, String> params) {
        String data = signedString(params);
        try {
            if (method.hmac == null) {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                return HexFormat.of().formatHex(md5.digest((data + secret).getBytes(StandardCharsets.UTF_8)));
            }
            Mac mac = Mac.getInstance(method.hmac);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), method.hmac));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(method.hmac + " is part of every JDK", e);
        }
    }

    static boolean valid(Method method, String secret, Map<String, String> params, Instant now) {
        String sig = params.get("sig");
        if (sig == null || sig.isBlank() || secret == null || !fresh(params.get("timestamp"), now)) {
            return false;
        }
        String expected = compute(method, secret, params).toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sig.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null) {
            return false;
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(at, now).abs().compareTo(MAX_SKEW) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private static String clean(String s) {
        return s.replace('&', '_').replace('=', '_');
    }
}
