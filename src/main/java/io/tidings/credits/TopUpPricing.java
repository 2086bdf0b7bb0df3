package io.tidings.credits;

/** Seed 001's price of one top-up: the tier of that top-up alone; the total rounded half up to a fen. */
final class TopUpPricing {

    static final String CURRENCY = "CNY";

    private TopUpPricing() {
    }

    static Quote quote(long messages) {
        if (messages <= 0) {
            throw new IllegalArgumentException("a quote needs a positive number of messages");
        }
        PriceTier tier = PriceTier.of(messages);
        long tenthsOfFen = Math.multiplyExact(messages, tier.unitPriceTenthFen());
        // Half up to whole fen (10,001 x 4.8 = 48,004.8 -> 48,005). Today's prices are all an even
        // number of tenths, so no total ends in exactly half a fen; the rule is for prices to come.
        long fen = (tenthsOfFen + 5) / 10;
        return new Quote(messages, tier, tier.unitPriceTenthFen(), fen, CURRENCY);
    }
}
