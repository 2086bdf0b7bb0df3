package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Takes a mail from the MX: stored with its routing in one transaction, committed before anyone is told it arrived;
 * routing trouble never loses it (it is then stored in the catch-all).
 */
@Component
class InboundReceiver {

    private final InboundRouter router;

    InboundReceiver(InboundRouter router) {
        this.router = router;
    }

    /** @return the stored mail's id; it is stored even when routing then fails */
    long receiveSmtp(String remoteAddress, String helo, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
        return router.receive(remoteAddress, helo, envelopeFrom, envelopeTo, raw);
    }

    Optional<InboundRouting> route(long id) {
        return router.route(id);
    }
}
