package io.tidings.records;

/** One line of an order; {@code unitPriceMinor} in minor units of the order's currency. */
public record OrderLine(String product, int quantity, long unitPriceMinor) {

    /** Exact, or an ArithmeticException rather than a silently wrapped total. */
    public long totalMinor() {
        return Math.multiplyExact(quantity, unitPriceMinor);
    }
}
