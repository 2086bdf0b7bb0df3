package io.tidings.sms.send;

import io.tidings.credits.CreditsApi;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Settles a send once every message is final: charges the billing units of the messages a provider
 * accepted, or freezes the reservation when some were submitted and none delivered (seed 001).
 * Runs in the caller's transaction, after the message change that may have been the last one.
 */
@Component
class Settlement {

    private final SendStore store;
    private final CreditsApi credits;

    Settlement(SendStore store, CreditsApi credits) {
        this.store = store;
        this.credits = credits;
    }

    void afterFinalOf(java.util.Optional<String> sendId) {
        afterFinal(sendId.orElse(null));
    }

    /** @param sendId null for a reply, which belongs to no send and is not settled */
    void afterFinal(String sendId) {
        if (sendId == null) {
            return;
        }
        // Most changes are not the last one: one index probe, no lock, so a send's reports do not queue
        // up behind each other. Two last messages finishing at once may each still see the other open;
        // then the sweep in PendingReports settles the send within a second.
        if (store.hasOpen(sendId)) {
            return;
        }
        afterLast(sendId);
    }

    /** The sends whose last open message these changes were, as far as the statement that made them could see. */
    static Set<String> lastOf(Collection<SendStore.Applied> changed) {
        Set<String> last = new LinkedHashSet<>();
        changed.stream().filter(a -> a.sendId() != null && !a.othersOpen()).forEach(a -> last.add(a.sendId()));
        return last;
    }

    /** When the change's own statement saw nothing else open (no probe needed): settles unless something still is. */
    void afterLast(String sendId) {
        // The lock makes the send settle exactly once when several changes get here together.
        if (!"sending".equals(store.lockSend(sendId).orElse(null))) {
            return;
        }
        SendStore.Totals t = store.totals(sendId);
        if (t.open() > 0) {
            return;
        }
        String state = t.submitted() > 0 && t.succeeded() == 0 ? "frozen" : "settled";
        if (store.settle(sendId, state, t)) {
            credits.settle(sendId, t.submitted(), t.succeeded(), t.billed());
        }
    }
}
