package io.tidings.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    MailSettings mailSettings(@Value("${tidings.mail.domain:localhost}") String domain,
                              @Value("${tidings.mail.from-local:notifications}") String fromLocal,
                              @Value("${tidings.mail.from-name:Tidings}") String fromName,
                              @Value("${tidings.mail.dkim-selector:tidings}") String selector,
                              @Value("${tidings.mail.smtp-url:}") String smtpUrl,
                              @Value("${tidings.mail.inbound.enabled:true}") boolean inboundEnabled,
                              @Value("${tidings.mail.inbound.bind:0.0.0.0}") String inboundBind,
                              @Value("${tidings.mail.inbound.port:2525}") int inboundPort,
                              @Value("${tidings.mail.inbound.max-message-bytes:26214400}") long maxBytes,
                              @Value("${tidings.mail.aliases:leads=lead}") String aliases,
                              @Value("${tidings.mail.soft-bounce-limit:3}") int softBounceLimit,
                              @Value("${tidings.mail.imap.poll-interval:60s}") Duration imapPoll) {
        return new MailSettings(domain, fromLocal, fromName, selector, smtpUrl, inboundEnabled, inboundBind, inboundPort,
                maxBytes, parseAliases(aliases), softBounceLimit, imapPoll);
    }

    /** {@code leads=lead,orders=order}. */
    static Map<String, String> parseAliases(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String pair : text.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("tidings.mail.aliases: '" + p + "' is not local-part=model");
            }
            out.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
