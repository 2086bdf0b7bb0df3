package io.tidings.sms.providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** A fresh install gets a sandbox provider, so composing and sending work before anyone has a provider account. */
@Component
class DefaultSandbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultSandbox.class);

    private final ProviderRegistry registry;

    DefaultSandbox(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.createDefaultSandboxIfEmpty()) {
            log.info("No SMS provider configured: created the sandbox provider 'sandbox' (no message leaves Tidings)");
        }
    }
}
