package io.tidings.credits;

import java.util.Locale;

/**
 * What a ledger row did, as the sign it gives to each bucket: available (in lots), reserved, frozen.
 * A charge and an expiry leave the account; a top-up enters it; the rest move between buckets.
 */
public enum LedgerKind {
    TOPUP(1, 0, 0),
    RESERVE(-1, 1, 0),
    CHARGE(0, -1, 0),
    RELEASE(1, -1, 0),
    FREEZE(0, -1, 1),
    UNFREEZE(1, 0, -1),
    EXPIRE(-1, 0, 0);

    final int available;
    final int reserved;
    final int frozen;

    LedgerKind(int available, int reserved, int frozen) {
        this.available = available;
        this.reserved = reserved;
        this.frozen = frozen;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LedgerKind parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
