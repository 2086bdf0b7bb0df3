package io.tidings.credits;

import java.math.BigDecimal;

/**
 * What a top-up of {@code messages} costs. Amounts are exact integers: the unit price in tenths of
 * a fen, the total in fen (1 CNY = 100 fen), rounded half up to a whole fen (ADR 0007).
 */
public record Quote(long messages, PriceTier tier, int unitPriceTenthFen, long totalFen, String currency) {

    /** The unit price in fen, e.g. 4.8. */
    public BigDecimal unitPriceFen() {
        return BigDecimal.valueOf(unitPriceTenthFen, 1);
    }

    /** The total in yuan, e.g. 690.00. */
    public BigDecimal totalYuan() {
        return BigDecimal.valueOf(totalFen, 2);
    }
}
