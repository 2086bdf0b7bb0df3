package io.tidings.sms;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * The SMS providers Tidings can send through, and their live gateways. On first start, with no
 * provider at all, a {@code sandbox} provider named "sandbox" is created so the whole flow works
 * without a provider account.
 */
public interface SmsProvidersApi {

    /** Every provider, by id, secrets masked. */
    List<SmsProvider> list();

    /** One provider, secrets masked; {@link io.tidings.shared.NotFoundException} when there is none. */
    SmsProvider get(long id);

    /**
     * Adds a provider of a kind this build has a {@link SmsGatewayFactory} for. An unknown kind or a
     * config the factory refuses is an {@link io.tidings.shared.InvalidInputException}; a taken name a
     * {@link io.tidings.shared.ConflictException}.
     */
    SmsProvider add(String kind, String name, JsonNode config, boolean enabled);

    /** Applies a partial change (see {@link SmsProviderChange}); a changed config rebuilds the gateway. */
    SmsProvider update(long id, SmsProviderChange change);

    default SmsProvider enable(long id) {
        return update(id, new SmsProviderChange(null, null, true));
    }

    default SmsProvider disable(long id) {
        return update(id, new SmsProviderChange(null, null, false));
    }

    /**
     * The live gateway of an enabled provider, built once and cached until its config changes.
     * A disabled provider is a {@link io.tidings.shared.ConflictException}.
     */
    SmsGateway gateway(long providerId);

    /** Kinds this build can run (one {@link SmsGatewayFactory} bean each). */
    Set<String> kinds();
}
