package io.tidings.sms.smpp;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one SMSC and how hard to push it.
 *
 * @param id                  distinguishes several SMPP accounts: the gateway is named "smpp:&lt;id&gt;", or "smpp"
 *                            when null or blank
 * @param systemType          bind system_type; often empty
 * @param sourceAddress       sender used when a message has none; with sourceTon/sourceNpi (e.g. 5/0 alphanumeric,
 *                            1/1 international, 3/0 short code at many SMSCs)
 * @param windowSize          most submit_sm awaiting their resp at once; the window shrinks below it while the SMSC
 *                            throttles
 * @param enquireLinkInterval idle time after which the link is probed (enquire_link)
 * @param reconnectInitial    first wait after a lost or failed bind, doubled each time up to reconnectMax
 * @param usePayload          long texts as one submit_sm with the message_payload TLV instead of UDH parts
 * @param maxPerSecond        the SMSC's agreed submit_sm rate; 0 for none
 * @param responseTimeout     how long a submit_sm (and the bind) may wait for its resp
 */
public record SmppConfig(String id, String host, int port, String systemId, String password, String systemType,
                         String sourceAddress, byte sourceTon, byte sourceNpi, int windowSize,
                         Duration enquireLinkInterval, Duration reconnectInitial, Duration reconnectMax,
                         boolean usePayload, int maxPerSecond, Duration responseTimeout) {

    public SmppConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null ? "" : sourceAddress;
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, was " + windowSize);
        }
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("maxPerSecond must be 0 (no cap) or more, was " + maxPerSecond);
        }
        Objects.requireNonNull(enquireLinkInterval, "enquireLinkInterval");
        Objects.requireNonNull(reconnectInitial, "reconnectInitial");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * Defaults that suit most SMSCs: window 64, enquire_link every 30 s, reconnect after 1 s doubling to 60 s, UDH
     * concatenation, no rate cap, 10 s response timeout, no default sender.
     */
    public static SmppConfig of(String host, int port, String systemId, String password) {
        return new SmppConfig(null, host, port, systemId, password, "", "", (byte) 0, (byte) 0, 64,
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), false, 0,
                Duration.ofSeconds(10));
    }

    /** "smpp" or "smpp:&lt;id&gt;", the name in routing, reports and logs. */
    public String gatewayName() {
        return id == null || id.isBlank() ? "smpp" : "smpp:" + id;
    }

    public SmppConfig withId(String newId) {
        return new SmppConfig(newId, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, maxPerSecond,
                responseTimeout);
    }

    public SmppConfig withSystemType(String newSystemType) {
        return new SmppConfig(id, host, port, systemId, password, newSystemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, maxPerSecond,
                responseTimeout);
    }

    public SmppConfig withSource(String address, int ton, int npi) {
        return new SmppConfig(id, host, port, systemId, password, systemType, address, (byte) ton, (byte) npi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, maxPerSecond,
                responseTimeout);
    }

    public SmppConfig withWindowSize(int size) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                size, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, maxPerSecond, responseTimeout);
    }

    public SmppConfig withEnquireLinkInterval(Duration interval) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, interval, reconnectInitial, reconnectMax, usePayload, maxPerSecond, responseTimeout);
    }

    public SmppConfig withReconnect(Duration initial, Duration max) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, initial, max, usePayload, maxPerSecond, responseTimeout);
    }

    public SmppConfig withUsePayload(boolean payload) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, payload, maxPerSecond,
                responseTimeout);
    }

    public SmppConfig withMaxPerSecond(int perSecond) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, perSecond,
                responseTimeout);
    }

    public SmppConfig withResponseTimeout(Duration timeout) {
        return new SmppConfig(id, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                windowSize, enquireLinkInterval, reconnectInitial, reconnectMax, usePayload, maxPerSecond, timeout);
    }

    @Override
    public String toString() { // never the password
        return "SmppConfig[" + gatewayName() + " " + systemId + "@" + host + ":" + port + ", window " + windowSize
                + (usePayload ? ", payload" : ", udh") + (maxPerSecond > 0 ? ", " + maxPerSecond + "/s" : "") + "]";
    }
}
