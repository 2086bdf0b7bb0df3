package io.tidings.sms.smpp;

import org.slf4j.LoggerFactory;

/**
 * Outside Spring Boot (the bench, the simulator process, plain unit tests) Logback runs unconfigured at DEBUG, and
 * jsmpp logs every PDU in hex at DEBUG: that would flood stdout, which the simulator and the bench use for their
 * answers, and cost more than the protocol. Inside the server Spring's logging configuration decides instead.
 */
final class JsmppLogging {

    private JsmppLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
                && root.getLevel() == ch.qos.logback.classic.Level.DEBUG) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
