package io.tidings.sms.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * X-Twilio-Signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security): Base64 of
 * HMAC-SHA1, keyed with the account's auth token, over the full URL Twilio called (query included)
 * followed by every POST parameter sorted by name, each as name + value with no separator (several values
 * of one name sorted too). Like Twilio's own RequestValidator, a signature over the URL with its port
 * removed or with the scheme's default port added is accepted as well, since proxies differ in showing it.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String compute(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            List<String> values = new ArrayList<>(e.getValue());
            values.sort(null);
            for (String v : values) {
                data.append(e.getKey()).append(v);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isEmpty() || authToken == null || authToken.isEmpty()) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String candidate : urlVariants(url)) {
            // every variant is computed and compared, in constant time, whatever matched before
            ok |= MessageDigest.isEqual(compute(authToken, candidate, params).getBytes(StandardCharsets.UTF_8), given);
        }
        return ok;
    }

    private static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return variants;
            }
            variants.add(withPort(uri, -1));
            if (uri.getPort() == -1) {
                variants.add(withPort(uri, "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80));
            }
        } catch (URISyntaxException e) {
            // not a URI we can take apart: only the URL as given can match
        }
        return variants;
    }

    /** Rebuilt from the raw parts, so percent-escapes in the path and query stay exactly as Twilio sent them. */
    private static String withPort(URI uri, int port) {
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        return uri.getScheme() + "://" + userInfo + uri.getHost() + (port == -1 ? "" : ":" + port)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
