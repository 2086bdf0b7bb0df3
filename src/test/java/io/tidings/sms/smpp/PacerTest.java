package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void submitsAreSpacedToTheAgreedRate() {
        Pacer pacer = new Pacer(200);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            pacer.await();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(95);
    }

    @Test
    void noCapMeansNoWait() {
        Pacer pacer = new Pacer(0);
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            pacer.await();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }
}
