package io.tidings.credits;

import io.tidings.shared.ConflictException;

/**
 * A reservation larger than the available balance; nothing was taken. It is a 409 through
 * {@link ConflictException}: the request is fine, the account's state does not allow it yet.
 */
public class InsufficientCreditsException extends ConflictException {

    private final long requested;
    private final long available;

    public InsufficientCreditsException(String account, long requested, long available) {
        super("Not enough SMS credits: this send needs " + requested + " messages but account '" + account
                + "' has only " + available + " available. Top up to send it.");
        this.requested = requested;
        this.available = available;
    }

    public long requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
