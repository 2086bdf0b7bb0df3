package io.tidings.sms.smpp;

import org.slf4j.LoggerFactory;

/**
 * Outside the server (the bench, the simulator process, plain unit tests) Logback runs with its defaults: INFO and
 * up to the console, which is stdout, where the simulator and the bench write their answers; jsmpp logs every bind,
 * unbind and closed socket at INFO. There, jsmpp logs errors and this package warnings only, and callers that own stdout
 * point System.out at stderr while they run (Logback's console appender writes to whatever System.out is then).
 * Inside the server Spring's logging configuration decides instead.
 */
final class JsmppLogging {

    private JsmppLogging() {
    }

    static void quiet() {
        // jsmpp warns with a stack trace about every unbind_resp it lost to a closing socket; its errors still show.
        level("org.jsmpp", ch.qos.logback.classic.Level.ERROR);
        level("io.tidings.sms.smpp", ch.qos.logback.classic.Level.WARN);
    }

    private static void level(String name, ch.qos.logback.classic.Level level) {
        if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(level);
        }
    }
}
