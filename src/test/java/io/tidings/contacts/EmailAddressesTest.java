package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressesTest {

    @Test
    void anAddressIsStoredLowercaseAndTrimmed() {
        assertThat(EmailAddresses.normalise("  Anna.Smith+news@Example.COM ")).isEqualTo("anna.smith+news@example.com");
    }

    @Test
    void commonMistakesAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> EmailAddresses.normalise("anna.example.com")).hasMessage("missing @");
        assertThatThrownBy(() -> EmailAddresses.normalise("anna@example")).hasMessage("the domain has no dot");
        assertThatThrownBy(() -> EmailAddresses.normalise("anna smith@example.com"))
                .hasMessageContaining("space");
        assertThatThrownBy(() -> EmailAddresses.normalise("a@b@example.com")).hasMessage("more than one @");
        assertThatThrownBy(() -> EmailAddresses.normalise("anna@example..com"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("label");
    }
}
