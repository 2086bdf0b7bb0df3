package io.tidings.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class SmtpConfig {

    @Bean
    SmtpSettings smtpSettings(@Value("${tidings.mail.smtp.timeout:20s}") Duration timeout,
                              @Value("${tidings.mail.smtp.pool-size:4}") int poolSize,
                              @Value("${tidings.mail.smtp.max-messages-per-connection:1000}") int maxPerConnection,
                              @Value("${tidings.mail.smtp.down-for:30s}") Duration downFor,
                              @Value("${tidings.public-base-url:}") String publicBaseUrl) {
        return new SmtpSettings(timeout, poolSize, maxPerConnection, downFor, publicBaseUrl);
    }
}
