package io.tidings.threads;

import io.tidings.records.LeadChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes "Stage: new → qualified" into the lead's thread. A plain listener on purpose: it runs in the
 * updating transaction, so the change and its message are never one without the other.
 */
@Component
class ChangeTracker {

    private final Posting posting;

    ChangeTracker(Posting posting) {
        this.posting = posting;
    }

    @EventListener
    void on(LeadChanged change) {
        String label = change.field().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + change.field().substring(1);
        String body = label + ": " + show(change.oldValue()) + " → " + show(change.newValue());
        posting.post(RecordRef.lead(change.leadId()),
                new NewMessage(MessageKind.CHANGE, change.actor(), null, null, body, java.util.List.of(), null, null));
    }

    private static String show(String value) {
        return value == null ? "(none)" : value;
    }
}
