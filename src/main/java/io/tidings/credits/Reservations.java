package io.tidings.credits;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * A send's credits from submit to result: reserve, then settle (charge and release), freeze or cancel.
 * Every method runs inside the caller's transaction and takes the account's wallet lock first.
 */
@Component
class Reservations {

    private final CreditsStore store;
    private final Duration freezeHold;

    Reservations(CreditsStore store, @Value("${tidings.credits.freeze-days:30}") int freezeDays) {
        this.store = store;
        this.freezeHold = Duration.ofDays(freezeDays);
    }

    Reservation reserve(String account, String sendId, long messages, Instant now) {
        if (!store.lockWallet(account)) {
            throw new InsufficientCreditsException(account, messages, 0);
        }
        if (!store.insertReservation(sendId, account, messages, now)) {
            throw new ConflictException("Send '" + sendId + "' already has a credit reservation.");
        }
        long available = store.available(account, now);
        if (available < messages) {
            // The transaction rolls back, reservation row included: nothing is taken.
            throw new InsufficientCreditsException(account, messages, available);
        }
        long taken = store.takeOldestFirst(account, sendId, messages, now);
        if (taken != messages) {
            throw new IllegalStateException("took " + taken + " of " + messages + " messages under the wallet lock");
        }
        return store.reservation(sendId).orElseThrow();
    }

    /**
     * Seed 001: a send that was submitted but reached no one has its fee frozen and returned later.
     * Otherwise the billed messages are charged from the oldest lots first and the rest released.
     */
    Reservation settle(String sendId, long submitted, long succeeded, long billed, Instant now) {
        Reservation r = lockOpen(sendId);
        if (billed > r.messages()) {
            throw new InvalidInputException("billedMessages", "Send '" + sendId + "' reserved " + r.messages()
                    + " messages; a settlement cannot charge " + billed + ".");
        }
        if (submitted > 0 && succeeded == 0) {
            for (CreditsStore.HeldPart part : store.heldParts(sendId)) {
                store.record(r.account(), LedgerKind.FREEZE, part.lotId(), sendId, part.held(), now);
            }
            store.settleReservation(sendId, ReservationState.FROZEN, submitted, succeeded, billed, now, now.plus(freezeHold));
        } else {
            long toCharge = billed;
            for (CreditsStore.HeldPart part : store.heldParts(sendId)) {
                long charge = Math.min(part.held(), toCharge);
                toCharge -= charge;
                if (charge > 0) {
                    store.chargePart(sendId, part.lotId(), charge);
                    store.record(r.account(), LedgerKind.CHARGE, part.lotId(), sendId, charge, now);
                }
                returnToLot(r.account(), sendId, part.lotId(), part.held() - charge, LedgerKind.RELEASE, now);
            }
            store.settleReservation(sendId, ReservationState.SETTLED, submitted, succeeded, billed, now, null);
        }
        return store.reservation(sendId).orElseThrow();
    }

    Reservation cancel(String sendId, Instant now) {
        Reservation r = lockOpen(sendId);
        for (CreditsStore.HeldPart part : store.heldParts(sendId)) {
            returnToLot(r.account(), sendId, part.lotId(), part.held(), LedgerKind.RELEASE, now);
        }
        store.closeReservation(sendId, ReservationState.CANCELLED, now);
        return store.reservation(sendId).orElseThrow();
    }

    /**
     * Frozen credits whose hold has passed go back to the lots they came from. A lot that expired
     * meanwhile takes them back and expires them at once (an 'expire' row), as if never frozen.
     */
    long returnFrozen(String account, Instant now) {
        store.lockWallet(account);
        long returned = 0;
        for (String sendId : store.dueFrozen(account, now)) {
            for (CreditsStore.HeldPart part : store.heldParts(sendId)) {
                returnToLot(account, sendId, part.lotId(), part.held(), LedgerKind.UNFREEZE, now);
                returned += part.held();
            }
            store.closeReservation(sendId, ReservationState.RETURNED, now);
        }
        store.expireLots(account, now);
        return returned;
    }

    private void returnToLot(String account, String sendId, long lotId, long messages, LedgerKind kind, Instant now) {
        if (messages > 0) {
            store.returnPart(sendId, lotId, messages);
            store.record(account, kind, lotId, sendId, messages, now);
        }
    }

    /** The reservation under its wallet lock, read again after the lock so a racing settle is seen. */
    private Reservation lockOpen(String sendId) {
        String account = store.reservation(sendId).map(Reservation::account)
                .orElseThrow(() -> new NotFoundException("Send '" + sendId + "' has no credit reservation."));
        store.lockWallet(account);
        Reservation r = store.reservation(sendId).orElseThrow();
        if (r.state() != ReservationState.RESERVED) {
            throw new ConflictException("The reservation of send '" + sendId + "' is already " + r.state().key()
                    + "; only a reserved one can be settled or cancelled.");
        }
        return r;
    }
}
