package io.tidings.sms;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One application context (real HTTP server, real PostgreSQL) for every provider and webhook test, with a
 * {@link RecordingSink} as the SMS event sink and no dispatch workers. The database outlives runs: tests use unique
 * provider names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// No dispatch workers here: this context's SMS channel would send other tests' queued messages through
// gateways whose delivery reports go to the RecordingSink, so those sends would never settle.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tidings.workers.enabled=false")
@Import(SmsProvidersSpringTest.Sink.class)
public @interface SmsProvidersSpringTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Sink {
        @Bean
        @Primary
        RecordingSink recordingSmsEventSink() {
            return new RecordingSink();
        }
    }
}
