package io.tidings.credits;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@CreditsSpringTest
class CreditsLotsTests {

    @Autowired
    CreditsApi credits;
    @Autowired
    MutableClock clock;

    private final String account = "lots-" + UUID.randomUUID();

    @BeforeEach
    void startTheClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void aTopUpIsALotAtItsOwnTierPriceValidForTwoYears() {
        Lot lot = credits.topUp(account, 15_000, "pay-1");
        assertThat(lot.tier()).isEqualTo(PriceTier.FROM_15000);
        assertThat(lot.unitPriceTenthFen()).isEqualTo(46);
        assertThat(lot.priceFen()).isEqualTo(69_000);
        assertThat(lot.currency()).isEqualTo("CNY");
        assertThat(lot.remaining()).isEqualTo(15_000);
        assertThat(lot.purchasedAt()).isEqualTo(MutableClock.START);
        assertThat(lot.expiresAt()).isEqualTo(MutableClock.START.atOffset(ZoneOffset.UTC).plusYears(2).toInstant());
        assertThat(credits.lots(account)).containsExactly(lot);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 15_000, 0, 0));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void aTopUpReferenceCreditsOnlyOnce() {
        credits.topUp(account, 100, "pay-once");
        assertThatThrownBy(() -> credits.topUp(account, 100, "pay-once")).isInstanceOf(ConflictException.class);
        assertThat(credits.balance(account).available()).isEqualTo(100);
        assertThat(credits.ledger(account, null, 10).entries()).hasSize(1);
    }

    @Test
    void topUpsOutsideOneToTenMillionMessagesAreRefused() {
        for (long bad : new long[]{0, -1, 10_000_001}) {
            assertThatThrownBy(() -> credits.topUp(account, bad, "bad-" + bad))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("messages");
        }
        assertThat(credits.lots(account)).isEmpty();
    }

    @Test
    void lotsAreConsumedOldestFirstAcrossTwoLots() {
        Lot older = credits.topUp(account, 100, "older");
        clock.advance(Duration.ofDays(1));
        Lot newer = credits.topUp(account, 100, "newer");

        credits.reserve(account, sendId(), 150);

        assertThat(credits.lots(account)).extracting(Lot::id, Lot::remaining)
                .containsExactly(tuple(older.id(), 0L),
                        tuple(newer.id(), 50L));
        assertThat(credits.ledger(account, null, 10).entries())
                .filteredOn(e -> e.kind() == LedgerKind.RESERVE)
                .extracting(LedgerEntry::lotId, LedgerEntry::available)
                .containsExactlyInAnyOrder(tuple(older.id(), -100L),
                        tuple(newer.id(), -50L));
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 50, 150, 0));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void anExpiredLotCannotBeUsedAndItsExpiryIsALedgerRow() {
        Lot old = credits.topUp(account, 100, "old");
        clock.advance(Duration.ofDays(365));
        Lot fresh = credits.topUp(account, 50, "fresh");

        clock.set(old.expiresAt().minusSeconds(1));
        assertThat(credits.balance(account).available()).isEqualTo(150);
        clock.set(old.expiresAt());
        assertThat(credits.balance(account).available()).isEqualTo(50);
        assertThatThrownBy(() -> credits.reserve(account, sendId(), 51)).isInstanceOf(InsufficientCreditsException.class);
        credits.reserve(account, sendId(), 50);
        assertThat(credits.lots(account)).filteredOn(l -> l.id() == fresh.id()).extracting(Lot::remaining).containsExactly(0L);

        assertThat(credits.expireLots(old.expiresAt())).isGreaterThanOrEqualTo(100);
        assertThat(credits.ledger(account, null, 10).entries())
                .filteredOn(e -> e.kind() == LedgerKind.EXPIRE)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.lotId()).isEqualTo(old.id());
                    assertThat(e.available()).isEqualTo(-100);
                    assertThat(e.at()).isEqualTo(old.expiresAt());
                });
        assertThat(credits.lots(account)).filteredOn(l -> l.id() == old.id()).extracting(Lot::remaining).containsExactly(0L);
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void aSecondExpirySweepFindsNothingMoreToClear() {
        Lot lot = credits.topUp(account, 70, "sweep-twice");
        Instant after = lot.expiresAt().plusSeconds(60);
        credits.expireLots(after);
        long rowsAfterFirst = credits.ledger(account, null, 10).entries().size();

        credits.expireLots(after);

        assertThat(credits.ledger(account, null, 10).entries()).hasSize((int) rowsAfterFirst);
        assertThat(credits.ledger(account, null, 10).entries()).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.EXPIRE, LedgerKind.TOPUP);
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void theLedgerPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            credits.topUp(account, 10 + i, "page-" + i);
        }
        LedgerPage first = credits.ledger(account, null, 2);
        LedgerPage second = credits.ledger(account, first.nextBefore(), 2);
        LedgerPage last = credits.ledger(account, second.nextBefore(), 2);

        assertThat(first.entries()).extracting(LedgerEntry::available).containsExactly(14L, 13L);
        assertThat(second.entries()).extracting(LedgerEntry::available).containsExactly(12L, 11L);
        assertThat(last.entries()).extracting(LedgerEntry::available).containsExactly(10L);
        assertThat(last.nextBefore()).isNull();
    }

    private static String sendId() {
        return "send-" + UUID.randomUUID();
    }
}
