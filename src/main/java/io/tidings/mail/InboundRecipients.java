package io.tidings.mail;

import org.springframework.stereotype.Component;

import io.tidings.threads.RecordRef;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the MX takes mail for, decided at RCPT time so nothing is accepted that would have to be bounced
 * later: only our domains (never an open relay), and in them signed reply and bounce addresses only when
 * their signature is right. Aliases and every other local part of our domains are taken (the catch-all).
 */
@Component
class InboundRecipients {

    /** Why a recipient was refused: an SMTP reply code and its text. */
    record Refusal(int code, String text) {
    }

    /** Reply addresses whose signature was checked; signatures never expire, so a right one stays right. */
    private static final int REMEMBERED = 10_000;

    private final InboundSettings inbound;
    private final MailSettings settings;
    private final MailTokens tokens;
    private final Map<String, RecordRef> replies = new ConcurrentHashMap<>();

    InboundRecipients(InboundSettings inbound, MailSettings settings, MailTokens tokens) {
        this.inbound = inbound;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** Empty when the recipient is accepted. */
    Optional<Refusal> check(String address) {
        if (address == null || address.isBlank() || address.length() > 320 || hasControl(address)) {
            return Optional.of(new Refusal(501, "5.1.3 Bad recipient address syntax"));
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0) {
            // RFC 5321 4.5.1: "postmaster" without a domain must be accepted
            return a.equals("postmaster") ? Optional.empty() : Optional.of(new Refusal(501, "5.1.3 Bad recipient address syntax"));
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        if (local.isEmpty() || !inbound.isOurs(domain)) {
            return Optional.of(new Refusal(550, "5.7.1 Relaying denied: this server only takes mail for its own domains"));
        }
        if (local.startsWith("reply+") && reply(a).isEmpty()) {
            return Optional.of(new Refusal(550, "5.1.1 Unknown reply address"));
        }
        if (local.startsWith("bounce+") && tokens.parseBounce(a).isEmpty()) {
            return Optional.of(new Refusal(550, "5.1.1 Unknown bounce address"));
        }
        return Optional.empty();
    }

    /**
     * The record a signed reply address names ({@link MailTokens#parseReply}); each mail's address is checked at RCPT
     * and again when routing, and a thread's replies share one, so right ones are remembered (wrong ones never are).
     */
    Optional<RecordRef> reply(String address) {
        String key = address.trim().toLowerCase(Locale.ROOT);
        RecordRef known = replies.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RecordRef> parsed = tokens.parseReply(key);
        parsed.ifPresent(ref -> {
            if (replies.size() >= REMEMBERED) {
                replies.clear();
            }
            replies.put(key, ref);
        });
        return parsed;
    }

    /** Whether an address found in a header is one of ours (forwarded mail names us there, not in the envelope). */
    boolean isOurs(String address) {
        if (address == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        return at > 0 && inbound.isOurs(address.substring(at + 1));
    }

    /** The alias model of an address of ours ({@code leads@domain} → lead), if it is one. */
    Optional<String> aliasModel(String address) {
        if (!isOurs(address)) {
            return Optional.empty();
        }
        String local = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(settings.aliases().get(local));
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
