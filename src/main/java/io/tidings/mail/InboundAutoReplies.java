package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Whether a mail was sent by a machine rather than a person (RFC 3834 and the common older markers).
 * Such mail may be kept in a thread but is never forwarded to followers and never creates a record:
 * two auto-responders answering each other through a thread would loop for ever.
 */
@Component
class InboundAutoReplies {

    boolean isAutomatic(InboundMessage m) {
        if (m.envelopeFrom() != null && m.envelopeFrom().isBlank()) {
            return true; // the null sender <> is only used by automatic mail (bounces, vacation replies)
        }
        String auto = m.header("Auto-Submitted");
        if (auto != null && !auto.isBlank() && !auto.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = m.header("Precedence");
        if (precedence != null) {
            String p = precedence.trim().toLowerCase(Locale.ROOT);
            if (p.equals("bulk") || p.equals("junk") || p.equals("list") || p.equals("auto_reply")) {
                return true;
            }
        }
        return m.header("X-Autoreply") != null || m.header("X-Autorespond") != null || m.header("X-Autoresponder") != null;
    }
}
