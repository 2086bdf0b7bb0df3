package io.tidings.mail;

import io.tidings.threads.RecordRef;

/** What one routing policy did with a mail. */
record InboundRouting(String route, String detail, String error, RecordRef record, Long threadMessageId) {

    static InboundRouting to(String route, String detail, RecordRef record, Long threadMessageId) {
        return new InboundRouting(route, detail, null, record, threadMessageId);
    }

    static InboundRouting catchall(String detail) {
        return new InboundRouting("catchall", detail, null, null, null);
    }

    static InboundRouting failed(String error) {
        return new InboundRouting("catchall", "routing failed", error, null, null);
    }
}
