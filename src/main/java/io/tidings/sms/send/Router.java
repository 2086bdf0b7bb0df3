package io.tidings.sms.send;

import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cheapest first: the enabled providers with a rate for the country, traffic and the provider's own
 * sender type, whose gateway is up. Prices in different currencies are compared as numbers (one
 * currency per installation is the expected case).
 */
@Component
class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RateStore rates;
    private final SmsProvidersApi providers;

    Router(RateStore rates, SmsProvidersApi providers) {
        this.rates = rates;
        this.providers = providers;
    }

    /** Every usable route, cheapest first (ties: the older provider). */
    List<Route> routes(String country, String traffic) {
        Map<Long, SmsProvider> enabled = providers.list().stream().filter(SmsProvider::enabled)
                .collect(Collectors.toMap(SmsProvider::id, Function.identity()));
        return rates.routePrices(country, traffic).stream()
                .filter(r -> enabled.containsKey(r.providerId()))
                .filter(r -> r.senderType().equals(senderType(enabled.get(r.providerId()).config())))
                .filter(r -> isUp(r.providerId()))
                .sorted(Comparator.comparingLong(SmsRate::priceMicros).thenComparingLong(SmsRate::providerId))
                .map(r -> new Route(r.providerId(), r.senderType(), from(enabled.get(r.providerId()).config()),
                        r.priceMicros(), r.currency()))
                .toList();
    }

    Optional<Route> cheapest(String country, String traffic) {
        return routes(country, traffic).stream().findFirst();
    }

    /** The route of one provider, up or not (a reply goes back through the provider that received it). */
    Optional<Route> via(long providerId, String country, String traffic) {
        return rates.routePrices(country, traffic).stream().filter(r -> r.providerId() == providerId).findFirst()
                .map(r -> new Route(providerId, r.senderType(), from(providers.get(providerId).config()),
                        r.priceMicros(), r.currency()));
    }

    String fromOf(long providerId) {
        return from(providers.get(providerId).config());
    }

    private boolean isUp(long providerId) {
        try {
            SmsGateway g = providers.gateway(providerId);
            return g.up();
        } catch (RuntimeException e) {
            log.debug("provider {} is not routable: {}", providerId, e.getMessage());
            return false;
        }
    }

    /** {@code senderType} in the provider config, else read from its sender: letters, up to 6 digits, a number. */
    static String senderType(JsonNode config) {
        JsonNode t = config.get("senderType");
        if (t != null && t.isString() && !t.asString().isBlank()) {
            return t.asString().strip().toLowerCase(Locale.ROOT);
        }
        String from = from(config);
        if (from == null || from.isBlank()) {
            return "long_code";
        }
        String digits = from.replace("+", "");
        if (!digits.chars().allMatch(Character::isDigit)) {
            return "alphanumeric";
        }
        return digits.length() <= 6 ? "short_code" : "long_code";
    }

    static String from(JsonNode config) {
        for (String key : List.of("from", "sourceAddress")) {
            JsonNode v = config.get(key);
            if (v != null && v.isString() && !v.asString().isBlank()) {
                return v.asString().strip();
            }
        }
        return null;
    }
}
