package io.tidings.sms.providers;

import io.tidings.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values out of a provider's config JSON and refuses bad ones as invalid input naming the
 * field ({@code config.authToken}), so every kind validates the same way.
 */
public final class ConfigReader {

    private final JsonNode config;

    public ConfigReader(JsonNode config) {
        this.config = config;
    }

    /** The text at {@code key}, stripped, or null when absent, null or blank. */
    public String text(String key) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() && !v.isNumber()) {
            throw invalid(key, "must be text");
        }
        String s = v.isString() ? v.stringValue().strip() : v.asString();
        return s.isEmpty() ? null : s;
    }

    public String required(String key) {
        String s = text(key);
        if (s == null) {
            throw invalid(key, "is required");
        }
        return s;
    }

    public String text(String key, String fallback) {
        String s = text(key);
        return s == null ? fallback : s;
    }

    public int integer(String key, int fallback, int min, int max) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw invalid(key, "must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    /** An http or https URL without a trailing slash. */
    public String url(String key, String fallback) {
        String s = text(key, fallback);
        try {
            URI uri = URI.create(s);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(key, "must be an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(key, "must be an http or https URL");
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public List<String> texts(String key, List<String> fallback) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray()) {
            throw invalid(key, "must be a list of text");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw invalid(key, "must be a list of text");
            }
            out.add(item.stringValue());
        }
        return List.copyOf(out);
    }

    private static InvalidInputException invalid(String key, String reason) {
        return new InvalidInputException("config." + key, "Provider config '" + key + "' " + reason + ".");
    }
}
