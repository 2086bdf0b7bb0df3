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
 * {@link RecordingSink} as the SMS event sink. The database outlives runs: tests use unique provider names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
