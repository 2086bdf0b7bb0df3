package io.tidings.credits;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The credits module's one facade. Credits are counted in billed messages; money in exact fen.
 * A send reserves what its preview counted, then settles with what the provider billed.
 */
@Service
public class CreditsApi {

    /** Tidings is single-tenant today; the key stays so several wallets can exist (and tests are isolated). */
    public static final String DEFAULT_ACCOUNT = "default";
    public static final long MAX_TOP_UP_MESSAGES = 10_000_000;
    /** Seed 001: credits are valid for two years from their top-up. */
    static final Period VALIDITY = Period.ofYears(2);
    static final int MAX_LEDGER_PAGE = 500;

    private final CreditsStore store;
    private final Reservations reservations;
    private final Clock clock;
    private final TransactionTemplate tx;

    CreditsApi(CreditsStore store, Reservations reservations, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.reservations = reservations;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public Quote quote(long messages) {
        if (messages <= 0 || messages > MAX_TOP_UP_MESSAGES) {
            throw new InvalidInputException("messages", "A top-up is 1 to " + MAX_TOP_UP_MESSAGES + " messages.");
        }
        return TopUpPricing.quote(messages);
    }

    /** Buys a lot priced by this top-up's own tier. The reference (a payment id) may be used once per account. */
    @Transactional
    public Lot topUp(String account, long messages, String reference) {
        checkAccount(account);
        Quote quote = quote(messages);
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new InvalidInputException("reference", "A top-up needs a reference of 1 to 200 characters.");
        }
        String ref = reference.strip();
        Instant now = now();
        store.ensureWallet(account, now);
        store.lockWallet(account);
        Instant expires = now.atOffset(ZoneOffset.UTC).plus(VALIDITY).toInstant();
        Lot lot = store.insertLot(account, ref, quote, now, expires).orElseThrow(() -> new ConflictException(
                "Account '" + account + "' already has a top-up with reference '" + ref + "'."));
        store.record(account, LedgerKind.TOPUP, lot.id(), null, messages, now);
        return lot;
    }

    @Transactional(readOnly = true)
    public Balance balance(String account) {
        checkAccount(account);
        return store.balance(account, now());
    }

    /** Every lot of the account, in the order they are consumed (soonest expiry first). */
    public List<Lot> lots(String account) {
        checkAccount(account);
        return store.lots(account);
    }

    /** Newest first; {@code before} is the {@code nextBefore} of the previous page, or null for the first. */
    public LedgerPage ledger(String account, Long before, int limit) {
        checkAccount(account);
        if (limit < 1 || limit > MAX_LEDGER_PAGE) {
            throw new InvalidInputException("limit", "A ledger page holds 1 to " + MAX_LEDGER_PAGE + " entries.");
        }
        List<LedgerEntry> entries = store.ledger(account, before == null ? Long.MAX_VALUE : before, limit);
        Long next = entries.size() == limit ? entries.getLast().id() : null;
        return new LedgerPage(entries, next);
    }

    /**
     * Takes exactly {@code messages} (what the send's preview counted) from the oldest lots, or
     * throws {@link InsufficientCreditsException} having taken nothing. One reservation per send id.
     */
    @Transactional
    public Reservation reserve(String account, String sendId, long messages) {
        checkAccount(account);
        checkSendId(sendId);
        if (messages <= 0) {
            throw new InvalidInputException("messages", "A reservation needs a positive number of messages.");
        }
        return reservations.reserve(account, sendId, messages, now());
    }

    /**
     * The send's result: charges {@code billedMessages} (at most the reservation) and releases the
     * rest; a send with {@code submitted > 0} and {@code succeeded == 0} is frozen instead and its
     * credits come back after {@code tidings.credits.freeze-days} through {@link #releaseFrozen}.
     */
    @Transactional
    public Reservation settle(String sendId, long submitted, long succeeded, long billedMessages) {
        checkSendId(sendId);
        if (submitted < 0 || succeeded < 0 || billedMessages < 0) {
            throw new InvalidInputException("submitted", "Submitted, succeeded and billed counts cannot be negative.");
        }
        if (succeeded > submitted) {
            throw new InvalidInputException("succeeded", "A send cannot succeed for more messages than it submitted.");
        }
        return reservations.settle(sendId, submitted, succeeded, billedMessages, now());
    }

    /** The send will not go out: everything reserved goes back to its lots. */
    @Transactional
    public Reservation cancelReservation(String sendId) {
        checkSendId(sendId);
        return reservations.cancel(sendId, now());
    }

    public Optional<Reservation> reservation(String sendId) {
        checkSendId(sendId);
        return store.reservation(sendId);
    }

    /** Clears what is left in lots expired at {@code now}, one account per transaction; returns the messages cleared. */
    public long expireLots(Instant now) {
        long cleared = 0;
        for (String account : store.accountsWithExpiredLots(now)) {
            cleared += tx.execute(s -> {
                store.lockWallet(account);
                return store.expireLots(account, now);
            });
        }
        return cleared;
    }

    /** Returns frozen reservations whose hold has passed at {@code now}; returns the messages given back. */
    public long releaseFrozen(Instant now) {
        long returned = 0;
        for (String account : store.accountsWithDueFrozen(now)) {
            returned += tx.execute(s -> reservations.returnFrozen(account, now));
        }
        return returned;
    }

    /** For tests and operations: the ledger, summed per lot and per bucket, equals the stored balance. */
    public boolean ledgerSumsToBalance(String account) {
        checkAccount(account);
        return store.ledgerMatchesState(account);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes what we return equal what we stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkAccount(String account) {
        if (account == null || account.isBlank() || account.length() > 100) {
            throw new InvalidInputException("account", "An account key is 1 to 100 characters.");
        }
    }

    private static void checkSendId(String sendId) {
        if (sendId == null || sendId.isBlank() || sendId.length() > 200) {
            throw new InvalidInputException("sendId", "A send id is 1 to 200 characters.");
        }
    }
}
