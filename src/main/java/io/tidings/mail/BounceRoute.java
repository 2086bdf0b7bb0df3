package io.tidings.mail;

import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.DispatchedMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bounces: attributed by the VERP return path ({@code bounce+<dispatch id>-<sig>@}) when there is one,
 * else by the recipient the report names. A hard failure marks the address bounced at once, a soft one
 * counts towards the limit ({@link AddressHealth}); an attributable message is marked failed in the queue.
 */
@Component
@Order(10)
class BounceRoute implements InboundRoute {

    private final MailTokens tokens;
    private final BounceParser parser;
    private final AddressHealth health;
    private final DispatchApi dispatch;

    BounceRoute(MailTokens tokens, BounceParser parser, AddressHealth health, DispatchApi dispatch) {
        this.tokens = tokens;
        this.parser = parser;
        this.health = health;
        this.dispatch = dispatch;
    }

    @Override
    public Optional<InboundRouting> route(InboundMessage mail) {
        Optional<Long> dispatchId = mail.allRecipients().stream().filter(a -> a.startsWith("bounce+"))
                .map(tokens::parseBounce).flatMap(Optional::stream).findFirst();
        List<BounceReport> reports = parser.parse(mail, dispatchId.isPresent());
        if (reports.isEmpty()) {
            return dispatchId.map(id -> InboundRouting.catchall("sent to the bounce address of message " + id
                    + " but is no delivery report"));
        }
        Optional<DispatchedMessage> sent = dispatchId.flatMap(dispatch::find);
        List<String> done = new ArrayList<>();
        boolean anyFailed = false;
        String reason = null;
        for (BounceReport r : reports) {
            if (!r.failed()) {
                done.add((r.recipient() == null ? "?" : r.recipient()) + " delayed (" + r.status() + "), not counted");
                continue;
            }
            // VERP names exactly one message to one address, which beats what the text says
            String address = sent.map(DispatchedMessage::recipient).orElse(r.recipient());
            if (address == null) {
                continue;
            }
            String why = (r.status() == null ? "" : r.status() + " ") + (r.diagnostic() == null ? "" : r.diagnostic());
            AddressHealth.Health h = health.recordBounce(address, r.hard(), why.isBlank() ? "bounced" : why.strip());
            done.add((r.hard() ? "hard" : "soft") + " bounce of " + address + (r.status() == null ? "" : " (" + r.status() + ")")
                    + (h.bounced() ? ", address bounced" : ", " + h.softBounces() + " soft so far"));
            anyFailed = true;
            reason = reason == null ? why.strip() : reason;
            if (sent.isPresent()) {
                break;
            }
        }
        if (done.isEmpty()) {
            return Optional.of(InboundRouting.catchall("a bounce that names no recipient"));
        }
        if (anyFailed && sent.isPresent()) {
            boolean changed = dispatch.markBounced(sent.get().id(), "bounced: " + (reason == null || reason.isBlank() ? "failed" : reason));
            done.add("message " + sent.get().id() + (changed ? " marked failed" : " already " + sent.get().state().key()));
        }
        return Optional.of(InboundRouting.to("bounce", String.join("; ", done), null, null));
    }
}
