package io.tidings.mail;

import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadMessage;
import io.tidings.threads.ThreadsApi;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reply lands in its record's thread: found by a signed reply address among the recipients (envelope
 * or, for forwarded mail, headers), else by In-Reply-To or References naming a message of a thread.
 * Posting it notifies the other followers by their preference; automatic replies are kept but not forwarded.
 */
@Component
@Order(20)
class InboundReplyRoute implements InboundRoute {

    private final InboundRecipients recipients;
    private final ThreadsApi threads;
    private final InboundAutoReplies autoReplies;
    private final InboundThreadPost posting;

    InboundReplyRoute(InboundRecipients recipients, ThreadsApi threads, InboundAutoReplies autoReplies,
                      InboundThreadPost posting) {
        this.recipients = recipients;
        this.threads = threads;
        this.autoReplies = autoReplies;
        this.posting = posting;
    }

    @Override
    public Optional<InboundRouting> route(InboundMessage mail) {
        String via = "reply address";
        Optional<RecordRef> record = mail.allRecipients().stream().filter(a -> a.startsWith("reply+"))
                .map(recipients::reply).flatMap(Optional::stream).findFirst();
        if (record.isEmpty()) {
            for (String id : answered(mail)) {
                Optional<ThreadMessage> parent = threads.findByMessageId(id);
                if (parent.isPresent()) {
                    record = Optional.of(parent.get().record());
                    via = id.equals(mail.inReplyTo()) ? "In-Reply-To" : "References";
                    break;
                }
            }
        }
        if (record.isEmpty()) {
            return Optional.empty();
        }
        boolean automatic = autoReplies.isAutomatic(mail);
        // a Message-ID already in a thread (the same mail by MX and IMAP, our own mail coming back) posts nothing
        Optional<ThreadMessage> saved = posting.postOnce(record.get(), mail, automatic);
        if (saved.isEmpty()) {
            Optional<ThreadMessage> same = threads.findByMessageId(mail.messageId());
            return Optional.of(InboundRouting.to("duplicate", "already thread message " + same.map(ThreadMessage::id).orElse(null),
                    same.map(ThreadMessage::record).orElse(record.get()), same.map(ThreadMessage::id).orElse(null)));
        }
        return Optional.of(InboundRouting.to(automatic ? "auto_reply" : "reply",
                "by " + via + (automatic ? ", automatic: not forwarded to followers" : ""), record.get(), saved.get().id()));
    }

    /** In-Reply-To first, then References from the newest (the last) back. */
    private static List<String> answered(InboundMessage mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        for (int i = mail.references().size() - 1; i >= 0; i--) {
            if (!ids.contains(mail.references().get(i))) {
                ids.add(mail.references().get(i));
            }
        }
        return ids;
    }
}
