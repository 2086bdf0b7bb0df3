package io.tidings.mail;

import java.util.Optional;

/**
 * One routing policy. {@link InboundRouter} asks each in {@link org.springframework.core.annotation.Order}
 * and the first that answers decides; mail that none takes goes to the catch-all.
 */
interface InboundRoute {

    Optional<InboundRouting> route(InboundMessage mail);
}
