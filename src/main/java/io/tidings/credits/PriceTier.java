package io.tidings.credits;

/**
 * The price of one message by the size of a single top-up (seed 001). Prices are in tenths of a fen
 * so they stay exact integers: 4.8 fen is 48.
 */
public enum PriceTier {
    UNDER_15000(0, 48),
    FROM_15000(15_000, 46),
    FROM_60000(60_000, 44),
    FROM_150000(150_000, 42);

    private final long minMessages;
    private final int unitPriceTenthFen;

    PriceTier(long minMessages, int unitPriceTenthFen) {
        this.minMessages = minMessages;
        this.unitPriceTenthFen = unitPriceTenthFen;
    }

    public long minMessages() {
        return minMessages;
    }

    public int unitPriceTenthFen() {
        return unitPriceTenthFen;
    }

    /** The tier of one top-up of this many messages; tiers never add up across top-ups. */
    public static PriceTier of(long messages) {
        PriceTier tier = UNDER_15000;
        for (PriceTier t : values()) {
            if (messages >= t.minMessages) {
                tier = t;
            }
        }
        return tier;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static PriceTier parse(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
