package io.tidings.credits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@CreditsSpringTest
class CreditsConcurrencyTests {

    private static final int SENDS = 20;
    private static final long SIZE = 150;

    @Autowired
    CreditsApi credits;
    @Autowired
    MutableClock clock;

    private final String account = "race-" + UUID.randomUUID();

    @BeforeEach
    void startTheClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void concurrentReservationsNeverOverdrawAndTheLedgerStillSumsToTheBalance() throws Exception {
        // 1,000 messages in two lots fit six sends of 150; fourteen must be refused.
        credits.topUp(account, 600, "race-a");
        credits.topUp(account, 400, "race-b");

        List<String> reserved = race(i -> {
            String sendId = account + "-" + i;
            try {
                credits.reserve(account, sendId, SIZE);
                return sendId;
            } catch (InsufficientCreditsException e) {
                return null;
            }
        });

        assertThat(reserved).hasSize(6);
        Balance balance = credits.balance(account);
        assertThat(balance.available()).isEqualTo(1_000 - reserved.size() * SIZE).isNotNegative();
        assertThat(balance.reserved()).isEqualTo(reserved.size() * SIZE);
        assertThat(credits.lots(account)).allSatisfy(l -> assertThat(l.remaining()).isNotNegative());
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();

        // Settling them all at once, 100 billed each, keeps the books straight too.
        race(i -> i < reserved.size() ? credits.settle(reserved.get(i), SIZE, SIZE, 100).sendId() : null);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 1_000 - reserved.size() * 100L, 0, 0));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    interface Attempt {
        String run(int i) throws Exception;
    }

    /** Runs SENDS attempts on six threads released together; returns the non-null results. */
    private static List<String> race(Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < SENDS; i++) {
                int n = i;
                Callable<String> task = () -> {
                    start.await();
                    return attempt.run(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                String r = f.get();
                if (r != null) {
                    results.add(r);
                }
            }
            return results;
        }
    }
}
