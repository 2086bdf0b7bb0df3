package io.tidings.sms;

import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Builds the gateway of one provider kind from its stored config. Every Spring bean implementing
 * this is found by the provider registry, so a new kind (SMPP) plugs in by adding a bean, with no
 * change to the registry. The registry builds one gateway per provider, caches it, and closes it
 * when the provider's config changes, when it is disabled, and at shutdown.
 */
public interface SmsGatewayFactory {

    /** Config keys that are secret by default: masked in every answer, kept when a change sends the mask back. */
    Set<String> DEFAULT_SECRET_KEYS = Set.of("authToken", "apiSecret", "signatureSecret", "password");

    /** The provider kind this factory serves: {@code sandbox}, {@code twilio}, {@code vonage} or {@code smpp}. */
    String kind();

    /**
     * Refuses a config this kind cannot run with, by throwing {@link io.tidings.shared.InvalidInputException}
     * naming the field. Called before a config is stored; must not touch the network.
     */
    default void validate(JsonNode config) {
    }

    /** Top-level config keys whose values are secrets. */
    default Set<String> secretKeys() {
        return DEFAULT_SECRET_KEYS;
    }

    /**
     * A live gateway for provider {@code providerId} (its id goes into webhook URLs and the gateway's
     * name). Delivery reports and inbound messages go to {@code sink}. The config has passed {@link #validate}.
     */
    SmsGateway create(long providerId, JsonNode config, SmsEventSink sink);
}
