package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Stores a mail raw (committed before anyone is told it arrived), then routes it; routing trouble never loses it. */
@Component
class InboundReceiver {

    private final InboundMailStore store;
    private final InboundRouter router;

    InboundReceiver(InboundMailStore store, InboundRouter router) {
        this.store = store;
        this.router = router;
    }

    /** @return the stored mail's id; it is stored even when routing then fails */
    long receiveSmtp(String remoteAddress, String helo, String envelopeFrom, List<String> envelopeTo, byte[] raw) {
        long id = store.insert("smtp", null, remoteAddress, helo, envelopeFrom, envelopeTo, raw, null);
        router.route(id);
        return id;
    }

    Optional<InboundRouting> route(long id) {
        return router.route(id);
    }
}
