package io.tidings;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TidingsApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyProductPartIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("accounts", "platform", "sms", "cli", "shared", "dispatch", "credits", "tracking", "contacts", "api", "records", "threads");
    }
}
