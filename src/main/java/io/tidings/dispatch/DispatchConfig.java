package io.tidings.dispatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

@Configuration(proxyBeanMethods = false)
class DispatchConfig {

    @Bean
    DispatchSettings dispatchSettings(@Value("${tidings.dispatch.lease:60s}") Duration lease,
                                      @Value("${tidings.dispatch.poll-interval:1s}") Duration pollInterval,
                                      @Value("${tidings.dispatch.batch-size:100}") int batchSize,
                                      @Value("${tidings.dispatch.send-timeout:120s}") Duration sendTimeout,
                                      @Value("${tidings.dispatch.max-attempts:5}") int maxAttempts,
                                      @Value("${tidings.dispatch.retry-base:10s}") Duration retryBase,
                                      @Value("${tidings.dispatch.retry-cap:1h}") Duration retryCap,
                                      @Value("${tidings.dispatch.shutdown-grace:10s}") Duration shutdownGrace) {
        return new DispatchSettings(lease, pollInterval, batchSize, sendTimeout, maxAttempts, retryBase, retryCap, shutdownGrace);
    }

    @Bean
    NodeId nodeId(@Value("${tidings.node-id:}") String configured) {
        return new NodeId(configured == null || configured.isBlank() ? generated() : configured.trim());
    }

    /** Host and pid tell an operator where a lease owner lives; the random part keeps restarts apart. */
    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    /** This node's name in lease_owner. */
    record NodeId(String value) {
    }
}
