package io.tidings.tracking;

import java.time.Instant;

/**
 * What one link of a send did.
 *
 * @param recipients how many recipients got a code for it
 * @param clicks     every click, repeats included
 * @param clickers   distinct recipients who clicked
 */
public record LinkStats(long linkId, String target, long recipients, long clicks, long clickers,
                        Instant firstClickAt, Instant lastClickAt) {
}
