package io.tidings.contacts;

import java.util.Map;
import java.util.Set;

/**
 * {@link ContactsApi#checkBlocklist}: a batch of addresses against a channel's blocklist in one query.
 * Addresses are given back exactly as they were asked for.
 *
 * @param blocked the addresses on the blocklist
 * @param invalid the addresses that are no valid address for the channel, each with why;
 *                {@link ContactsApi#isBlocked} would refuse them with the same reason
 */
public record BlocklistCheck(Set<String> blocked, Map<String, String> invalid) {

    public BlocklistCheck {
        blocked = Set.copyOf(blocked);
        invalid = Map.copyOf(invalid);
    }
}
