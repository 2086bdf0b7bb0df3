package io.tidings.credits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Returns frozen credits whose hold has passed and clears expired lots, on every node: the wallet
 * locks make a second node's run find nothing left to do.
 */
@Component
class CreditsSweeper {

    private static final Logger log = LoggerFactory.getLogger(CreditsSweeper.class);

    private final CreditsApi credits;
    private final Clock clock;

    CreditsSweeper(CreditsApi credits, Clock clock) {
        this.credits = credits;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tidings.credits.sweep-interval:PT1H}",
            fixedDelayString = "${tidings.credits.sweep-interval:PT1H}")
    void sweep() {
        Instant now = clock.instant();
        long returned = credits.releaseFrozen(now);
        long expired = credits.expireLots(now);
        if (returned > 0 || expired > 0) {
            log.info("Credits sweep: {} frozen messages returned, {} expired messages cleared", returned, expired);
        }
    }
}
