package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Consent per channel, its history, and the blocklist. */
@Component
class Consents {

    private static final int MAX_TEXT = 500;

    private final ContactStore store;
    private final PhoneNormaliser phones;

    Consents(ContactStore store, PhoneNormaliser phones) {
        this.store = store;
        this.phones = phones;
    }

    /** The state on the contact and its log entry change together or not at all. */
    @Transactional
    public ConsentEntry change(long contactId, ConsentChange c) {
        if (c.channel() == null) {
            throw new InvalidInputException("channel", "channel is required: email or sms");
        }
        if (c.state() == null) {
            throw new InvalidInputException("state", "state is required: opted_in, opted_out or unknown");
        }
        String how = c.how() == null || c.how().isBlank() ? "api" : c.how().strip();
        ConsentChange checked = new ConsentChange(c.channel(), c.state(), limit("how", how), limit("source", c.source()),
                limit("actor", c.actor()), limit("ip", c.ip()));
        if (!store.setConsent(contactId, c.channel(), c.state())) {
            throw ContactEditor.missing(contactId);
        }
        return store.logConsent(contactId, checked);
    }

    List<ConsentEntry> log(long contactId) {
        store.find(contactId).orElseThrow(() -> ContactEditor.missing(contactId));
        return store.consentLog(contactId);
    }

    Optional<String> marketingRefusal(long contactId, Channel channel) {
        return store.marketingFacts(contactId, channel)
                .map(MarketingEligibility::refusal)
                .orElse(Optional.of("no contact with id " + contactId));
    }

    /** The set-based {@link #marketingRefusal}: every id maps to its refusal, or is absent when it may receive. */
    Map<Long, String> marketingRefusals(Collection<Long> contactIds, Channel channel) {
        if (channel == null) {
            throw new InvalidInputException("channel", "channel is required: email or sms");
        }
        Set<Long> ids = new LinkedHashSet<>(contactIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, MarketingFacts> facts = store.marketingFacts(ids, channel);
        Map<Long, String> refusals = new HashMap<>();
        for (Long id : ids) {
            MarketingFacts f = facts.get(id);
            if (f == null) {
                refusals.put(id, "no contact with id " + id);
            } else {
                MarketingEligibility.refusal(f).ifPresent(reason -> refusals.put(id, reason));
            }
        }
        return refusals;
    }

    /** The set-based {@link #isBlocked}: one statement for the whole batch. */
    BlocklistCheck checkBlocklist(Channel channel, Collection<String> addresses) {
        Map<String, String> normal = new HashMap<>();
        Map<String, String> invalid = new HashMap<>();
        for (String a : addresses) {
            try {
                normal.put(a, address(channel, a));
            } catch (InvalidInputException e) {
                if (channel == null) {
                    throw e;
                }
                invalid.put(String.valueOf(a), e.getMessage());
            }
        }
        Set<String> blockedNormal = normal.isEmpty() ? Set.of() : store.blockedAmong(channel, new HashSet<>(normal.values()));
        Set<String> blocked = new HashSet<>();
        normal.forEach((given, n) -> {
            if (blockedNormal.contains(n)) {
                blocked.add(given);
            }
        });
        return new BlocklistCheck(blocked, invalid);
    }

    boolean isBlocked(Channel channel, String address) {
        return store.isBlocked(channel, address(channel, address));
    }

    BlockedAddress block(Channel channel, String address, String reason, String actor) {
        return store.block(channel, address(channel, address), limit("reason", reason), actor);
    }

    boolean unblock(Channel channel, String address) {
        return store.unblock(channel, address(channel, address));
    }

    /** @param after the cursor of the previous page: channel:address */
    List<BlockedAddress> list(Channel channel, String after, int limit) {
        String afterChannel = "";
        String afterAddress = "";
        if (after != null && !after.isBlank()) {
            int colon = after.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("after must be a cursor from a previous page");
            }
            afterChannel = after.substring(0, colon);
            afterAddress = after.substring(colon + 1);
        }
        return store.blocklist(channel, afterChannel, afterAddress, Math.clamp(limit, 1, ContactQuery.MAX_LIMIT));
    }

    /** Addresses are blocked in the form contacts store them, so a lookup always matches. */
    String address(Channel channel, String address) {
        if (channel == null) {
            throw new InvalidInputException("channel", "channel is required: email or sms");
        }
        if (address == null || address.isBlank()) {
            throw new InvalidInputException("address", "address is required");
        }
        try {
            return channel == Channel.EMAIL ? EmailAddresses.normalise(address) : phones.normalise(address.strip(), null).e164();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("address", e.getMessage());
        }
    }

    private static String limit(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "too long (at most " + MAX_TEXT + " characters)");
        }
        return value;
    }
}
