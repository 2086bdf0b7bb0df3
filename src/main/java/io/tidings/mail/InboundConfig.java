package io.tidings.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class InboundConfig {

    @Bean
    InboundSettings inboundSettings(MailSettings mail,
                                    @Value("${tidings.mail.inbound.domains:}") String domains,
                                    @Value("${tidings.mail.inbound.max-recipients:100}") int maxRecipients,
                                    @Value("${tidings.mail.inbound.max-connections:200}") int maxConnections,
                                    @Value("${tidings.mail.inbound.connection-timeout:60s}") Duration timeout,
                                    @Value("${tidings.mail.imap.enabled:true}") boolean imapPolling,
                                    @Value("${tidings.workers.enabled:true}") boolean workers,
                                    @Value("${tidings.mail.imap.batch:200}") int imapBatch,
                                    @Value("${tidings.mail.inbound.tls-keystore:}") String tlsKeystore,
                                    @Value("${tidings.mail.inbound.tls-password:}") String tlsPassword) {
        return new InboundSettings(InboundSettings.domains(mail.domain(), domains), maxRecipients, maxConnections, timeout,
                imapPolling && workers, imapBatch, tlsKeystore, tlsPassword);
    }
}
