package io.tidings.credits;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@CreditsSpringTest
class CreditsReservationTests {

    @Autowired
    CreditsApi credits;
    @Autowired
    MutableClock clock;

    private final String account = "reserve-" + UUID.randomUUID();
    private final String sendId = "send-" + UUID.randomUUID();

    @BeforeEach
    void startTheClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void aShortBalanceFailsTheReservationAndChargesNothing() {
        credits.topUp(account, 100, "short");

        assertThatThrownBy(() -> credits.reserve(account, sendId, 101))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.requested()).isEqualTo(101);
                    assertThat(e.available()).isEqualTo(100);
                    assertThat(e.getMessage()).contains("needs 101 messages", "only 100 available");
                });

        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 100, 0, 0));
        assertThat(credits.ledger(account, null, 10).entries()).extracting(LedgerEntry::kind).containsExactly(LedgerKind.TOPUP);
        assertThat(credits.reservation(sendId)).isEmpty();
        assertThat(credits.reserve(account, sendId, 100).state()).isEqualTo(ReservationState.RESERVED);
    }

    @Test
    void anAccountThatNeverToppedUpHasNothingToReserve() {
        assertThatThrownBy(() -> credits.reserve(account, sendId, 1)).isInstanceOf(InsufficientCreditsException.class);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 0, 0, 0));
    }

    @Test
    void aSendIdIsReservedOnlyOnce() {
        credits.topUp(account, 100, "twice");
        credits.reserve(account, sendId, 10);
        assertThatThrownBy(() -> credits.reserve(account, sendId, 10)).isInstanceOf(ConflictException.class);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 90, 10, 0));
    }

    @Test
    void settleChargesTheBilledMessagesAndReleasesTheRest() {
        Lot older = credits.topUp(account, 100, "a");
        clock.advance(Duration.ofHours(1));
        Lot newer = credits.topUp(account, 100, "b");
        credits.reserve(account, sendId, 150);

        Reservation settled = credits.settle(sendId, 150, 140, 120);

        assertThat(settled.state()).isEqualTo(ReservationState.SETTLED);
        assertThat(settled.charged()).isEqualTo(120);
        // The oldest credits pay first; what is left goes back to the lot that lasts longest.
        assertThat(credits.lots(account)).extracting(Lot::id, Lot::remaining)
                .containsExactly(tuple(older.id(), 0L), tuple(newer.id(), 80L));
        assertThat(credits.ledger(account, null, 10).entries())
                .filteredOn(e -> e.kind() == LedgerKind.CHARGE || e.kind() == LedgerKind.RELEASE)
                .extracting(LedgerEntry::kind, LedgerEntry::lotId, LedgerEntry::reserved)
                .containsExactlyInAnyOrder(tuple(LedgerKind.CHARGE, older.id(), -100L),
                        tuple(LedgerKind.CHARGE, newer.id(), -20L), tuple(LedgerKind.RELEASE, newer.id(), -30L));
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 80, 0, 0));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void settleNeverChargesMoreThanWasReserved() {
        credits.topUp(account, 100, "cap");
        credits.reserve(account, sendId, 10);
        assertThatThrownBy(() -> credits.settle(sendId, 10, 10, 11)).isInstanceOf(InvalidInputException.class);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 90, 10, 0));
    }

    @Test
    void aReservationIsSettledOnlyOnce() {
        credits.topUp(account, 100, "once");
        credits.reserve(account, sendId, 10);
        credits.settle(sendId, 10, 10, 10);
        assertThatThrownBy(() -> credits.settle(sendId, 10, 10, 10)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> credits.cancelReservation(sendId)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> credits.settle("no-such-" + sendId, 1, 1, 1)).isInstanceOf(NotFoundException.class);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 90, 0, 0));
    }

    @Test
    void cancellingAReservationReturnsAllOfIt() {
        credits.topUp(account, 100, "cancel");
        credits.reserve(account, sendId, 60);

        Reservation cancelled = credits.cancelReservation(sendId);

        assertThat(cancelled.state()).isEqualTo(ReservationState.CANCELLED);
        assertThat(cancelled.charged()).isZero();
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 100, 0, 0));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void aSendThatReachedNoOneIsFrozenAndReturnedOnlyAfterThirtyDays() {
        credits.topUp(account, 100, "freeze");
        credits.reserve(account, sendId, 40);

        Reservation frozen = credits.settle(sendId, 40, 0, 40);

        assertThat(frozen.state()).isEqualTo(ReservationState.FROZEN);
        assertThat(frozen.charged()).isZero();
        assertThat(frozen.frozenUntil()).isEqualTo(MutableClock.START.plus(Duration.ofDays(30)));
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 60, 0, 40));
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();

        credits.releaseFrozen(MutableClock.START.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 60, 0, 40));

        credits.releaseFrozen(MutableClock.START.plus(Duration.ofDays(30)));
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 100, 0, 0));
        assertThat(credits.reservation(sendId)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ReservationState.RETURNED);
            assertThat(r.charged()).isZero();
        });
        assertThat(credits.ledger(account, null, 10).entries()).extracting(LedgerEntry::kind)
                .containsExactly(LedgerKind.UNFREEZE, LedgerKind.FREEZE, LedgerKind.RESERVE, LedgerKind.TOPUP);
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void frozenCreditsReturnToTheirExpiredLotAndExpireWithIt() {
        Lot lot = credits.topUp(account, 100, "expires-while-frozen");
        clock.set(lot.expiresAt().minus(Duration.ofDays(10)));
        credits.reserve(account, sendId, 40);
        Instant holdEnds = credits.settle(sendId, 40, 0, 0).frozenUntil();
        assertThat(holdEnds).isAfter(lot.expiresAt());

        credits.releaseFrozen(holdEnds);

        assertThat(credits.ledger(account, null, 2).entries())
                .extracting(LedgerEntry::kind, LedgerEntry::available)
                .containsExactly(tuple(LedgerKind.EXPIRE, -100L), tuple(LedgerKind.UNFREEZE, 40L));
        clock.set(holdEnds);
        assertThat(credits.balance(account)).isEqualTo(new Balance(account, 0, 0, 0));
        assertThat(credits.lots(account)).extracting(Lot::remaining).containsExactly(0L);
        assertThat(credits.ledgerSumsToBalance(account)).isTrue();
    }

    @Test
    void settleRefusesCountsThatCannotBe() {
        credits.topUp(account, 100, "counts");
        credits.reserve(account, sendId, 10);
        assertThatThrownBy(() -> credits.settle(sendId, 5, 6, 5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> credits.settle(sendId, -1, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThat(credits.reservation(sendId)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(ReservationState.RESERVED));
    }
}
