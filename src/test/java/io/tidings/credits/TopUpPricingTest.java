package io.tidings.credits;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TopUpPricingTest {

    @ParameterizedTest(name = "{0} messages cost {2} tenths of a fen each, {3} fen in all")
    @CsvSource({
            "14999,  UNDER_15000, 48,  71995",   // 71,995.2 fen
            "15000,  FROM_15000,  46,  69000",
            "59999,  FROM_15000,  46, 275995",   // 275,995.4 fen
            "60000,  FROM_60000,  44, 264000",
            "149999, FROM_60000,  44, 659996",   // 659,995.6 fen
            "150000, FROM_150000, 42, 630000",
    })
    void eachTierBoundaryHasItsExactPrice(long messages, PriceTier tier, int unitTenths, long totalFen) {
        Quote quote = TopUpPricing.quote(messages);
        assertThat(quote.tier()).isEqualTo(tier);
        assertThat(quote.unitPriceTenthFen()).isEqualTo(unitTenths);
        assertThat(quote.totalFen()).isEqualTo(totalFen);
        assertThat(quote.currency()).isEqualTo("CNY");
    }

    @ParameterizedTest(name = "{0} messages cost {1} fen")
    @CsvSource({"1, 5", "2, 10", "3, 14", "10001, 48005", "10000000, 42000000"})
    void totalsRoundHalfUpToAWholeFen(long messages, long totalFen) {
        assertThat(TopUpPricing.quote(messages).totalFen()).isEqualTo(totalFen);
    }

    @Test
    void fifteenThousandMessagesCostSixHundredNinetyYuan() {
        Quote quote = TopUpPricing.quote(15_000);
        assertThat(quote.totalYuan()).isEqualTo(new BigDecimal("690.00"));
        assertThat(quote.unitPriceFen()).isEqualTo(new BigDecimal("4.6"));
    }

    @Test
    void theTierIsChosenByTheSingleTopUpAlone() {
        assertThat(PriceTier.of(1)).isEqualTo(PriceTier.UNDER_15000);
        assertThat(PriceTier.of(10_000_000)).isEqualTo(PriceTier.FROM_150000);
    }
}
