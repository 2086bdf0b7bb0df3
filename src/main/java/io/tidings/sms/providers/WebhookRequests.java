package io.tidings.sms.providers;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What provider webhooks need from a request: the URL the provider called, the parameters it signed. */
public final class WebhookRequests {

    private static final int MAX_JSON_BODY = 64 * 1024;

    private WebhookRequests() {
    }

    /**
     * The full URL as the provider called it. Behind a reverse proxy the request Tidings sees has another
     * scheme, host or port than the one the provider signed, so {@code tidings.public-base-url} (scheme,
     * host, port and any path prefix the proxy strips, e.g. {@code https://sms.example.com}) wins when set;
     * otherwise the base is taken from the request itself.
     */
    public static String calledUrl(String publicBaseUrl, HttpServletRequest request) {
        String base = publicBaseUrl == null || publicBaseUrl.isBlank() ? requestBase(request) : strip(publicBaseUrl);
        String query = request.getQueryString();
        return base + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * The callback URL a provider is told to call, e.g. {@code <base>/api/v1/webhooks/twilio/3/status}, or
     * null without a public base URL: a provider cannot reach us then, so send no callback rather than a wrong one.
     */
    public static String callbackUrl(String publicBaseUrl, String kind, long providerId, String path) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return null;
        }
        return strip(publicBaseUrl) + "/api/v1/webhooks/" + kind + "/" + providerId + "/" + path;
    }

    /**
     * The parameters of a form POST's body, without those of the query string: the servlet API merges
     * both, but Twilio signs the query as part of the URL and only the body as parameters.
     */
    public static Map<String, List<String>> bodyParams(HttpServletRequest request) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> all.put(k, new ArrayList<>(List.of(v))));
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                List<String> values = all.get(k);
                if (values != null) {
                    values.remove(v);
                    if (values.isEmpty()) {
                        all.remove(k);
                    }
                }
            }
        }
        return all;
    }

    /**
     * Every parameter, first value each, from the query string and a form body, or from a flat JSON object
     * body (Vonage sends either, as configured in its dashboard). A JSON body that is not an object is
     * malformed: {@link IllegalArgumentException}.
     */
    public static Map<String, String> allParams(HttpServletRequest request, JsonMapper json) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            try (InputStream in = request.getInputStream()) {
                byte[] body = in.readNBytes(MAX_JSON_BODY + 1);
                if (body.length > MAX_JSON_BODY) {
                    throw new IllegalArgumentException("The webhook body is larger than " + MAX_JSON_BODY + " bytes.");
                }
                JsonNode tree = json.readTree(body);
                if (tree == null || !tree.isObject()) {
                    throw new IllegalArgumentException("The webhook body is not a JSON object.");
                }
                for (Map.Entry<String, JsonNode> e : tree.properties()) {
                    JsonNode v = e.getValue();
                    if (!v.isNull() && !v.isContainer()) {
                        params.put(e.getKey(), v.isString() ? v.stringValue() : v.asString());
                    }
                }
            } catch (JacksonException e) {
                throw new IllegalArgumentException("The webhook body is not valid JSON.");
            }
        }
        request.getParameterMap().forEach((k, v) -> params.putIfAbsent(k, v.length == 0 ? "" : v[0]));
        return params;
    }

    /** 403 problem+json: the request did not prove it came from the provider. */
    public static ResponseEntity<ProblemDetail> forbidden(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.FORBIDDEN, detail);
        p.setTitle("Forbidden");
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(403).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String requestBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String strip(String base) {
        String b = base.strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
