package io.tidings.sms.providers;

import io.tidings.sms.SmsEventSink;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The logging sink only when no other {@link SmsEventSink} exists. A bean method rather than a scanned
 * {@code @Component}: the condition is then evaluated after every scanned component (the real sink will
 * be one) is registered, which a condition on a scanned class cannot rely on.
 */
@Configuration(proxyBeanMethods = false)
class SinkFallbackConfig {

    @Bean
    @ConditionalOnMissingBean(SmsEventSink.class)
    LoggingSmsEventSink loggingSmsEventSink() {
        return new LoggingSmsEventSink();
    }
}
