package io.tidings.credits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Time comes from a Clock bean so tests can move it (two-year expiry, 30-day freeze). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CreditsConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
