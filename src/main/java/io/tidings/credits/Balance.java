package io.tidings.credits;

/**
 * An account's credits in messages. {@code available} counts lots that have not expired; reserved
 * credits wait for a send's result, frozen ones for the end of their hold.
 */
public record Balance(String account, long available, long reserved, long frozen) {
}
