package io.tidings.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class DnsConfig {

    @Bean
    DnsSettings dnsSettings(@Value("${tidings.mail.spf-include:a mx}") String spf,
                            @Value("${tidings.mail.dmarc-policy:none}") String dmarcPolicy,
                            @Value("${tidings.mail.dmarc-rua:}") String dmarcRua,
                            @Value("${tidings.mail.mx-host:}") String mxHost,
                            @Value("${tidings.mail.dns-resolver:}") String resolvers,
                            @Value("${tidings.mail.dns-timeout:3s}") Duration timeout) {
        return new DnsSettings(words(spf, "\\s+"), dmarcPolicy, dmarcRua, mxHost, words(resolvers, "[,\\s]+"), timeout);
    }

    @Bean
    DnsLookup dnsLookup(DnsSettings settings) {
        return DnsLookup.of(settings.resolvers(), settings.timeout());
    }

    static List<String> words(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.trim().split(separator)).filter(s -> !s.isBlank()).toList();
    }
}
