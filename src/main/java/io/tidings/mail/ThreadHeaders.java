package io.tidings.mail;

import io.tidings.shared.NotFoundException;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * In-Reply-To and References of a thread email, so mail clients show a record's emails as one
 * conversation: References lists the thread's earlier Message-IDs oldest first (RFC 5322 3.6.4),
 * In-Reply-To names the parent, which is the message it answered or else the thread's previous email.
 */
@Component
class ThreadHeaders {

    /** A long thread keeps its root and its latest ids; headers stay well under the line limits. */
    static final int MAX_REFERENCES = 20;
    private static final int LOOK_BACK = 100;

    record Chain(String inReplyTo, List<String> references) {
        static final Chain NONE = new Chain(null, List.of());
    }

    private final ThreadsApi threads;

    ThreadHeaders(ThreadsApi threads) {
        this.threads = threads;
    }

    Chain of(String messageId) {
        if (messageId == null) {
            return Chain.NONE;
        }
        Optional<ThreadMessage> found = threads.findByMessageId(messageId);
        if (found.isEmpty()) {
            return Chain.NONE;
        }
        ThreadMessage m = found.get();
        List<String> earlier = new ArrayList<>();
        try {
            // newest first; turned round below
            for (ThreadMessage e : threads.messages(m.record(), m.id(), LOOK_BACK).messages()) {
                if (e.messageId() != null && !e.messageId().equals(messageId)) {
                    earlier.add(e.messageId());
                }
            }
        } catch (NotFoundException recordGone) {
            // the record was deleted after the mail was queued: its thread is still the message's own parent
        }
        String parent = m.inReplyTo() != null ? m.inReplyTo() : earlier.isEmpty() ? null : earlier.getFirst();
        LinkedHashSet<String> chain = new LinkedHashSet<>(earlier.reversed());
        if (parent != null) {
            chain.remove(parent);
            chain.add(parent);
        }
        List<String> refs = new ArrayList<>(chain);
        if (refs.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>();
            kept.add(refs.getFirst());
            kept.addAll(refs.subList(refs.size() - (MAX_REFERENCES - 1), refs.size()));
            refs = kept;
        }
        return new Chain(parent, List.copyOf(refs));
    }
}
