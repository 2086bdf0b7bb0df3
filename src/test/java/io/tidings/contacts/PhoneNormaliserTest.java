package io.tidings.contacts;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNormaliserTest {

    private final PhoneNormaliser phones = new PhoneNormaliser("US");

    @Test
    void aNationalUsNumberBecomesE164WithItsAreaTimeZone() {
        PhoneInfo p = phones.normalise("(212) 555-0134", null);
        assertThat(p.e164()).isEqualTo("+12125550134");
        assertThat(p.region()).isEqualTo("US");
        assertThat(p.type()).isEqualTo("fixed_line_or_mobile");
        assertThat(p.timezone()).isEqualTo("America/New_York");
    }

    @Test
    void theRowCountryIsTheRegionForANumberWithoutCountryCode() {
        PhoneInfo p = phones.normalise("030 1234567", "DE");
        assertThat(p.e164()).isEqualTo("+49301234567");
        assertThat(p.region()).isEqualTo("DE");
        assertThat(p.type()).isEqualTo("fixed_line");
        assertThat(p.timezone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aMobileGetsItsCountrysTimeZoneAndTheMobileType() {
        PhoneInfo p = phones.normalise("+44 7400 123456", null);
        assertThat(p.e164()).isEqualTo("+447400123456");
        assertThat(p.region()).isEqualTo("GB");
        assertThat(p.type()).isEqualTo("mobile");
        assertThat(p.timezone()).isEqualTo("Europe/London");
    }

    @Test
    void everyFormatOfOneNumberGivesTheSameE164() {
        for (String written : new String[] {"+49 171 1234567", "+491711234567", "0171 1234567", "0171-123 45 67",
                "0049 171 1234567"}) {
            assertThat(phones.normalise(written, "DE").e164()).as(written).isEqualTo("+491711234567");
        }
    }

    @Test
    void aTollFreeNumberIsTypedTollFree() {
        assertThat(phones.normalise("+1 800 234 5678", null).type()).isEqualTo("toll_free");
    }

    @Test
    void anInvalidNumberIsRejectedWithItsRegion() {
        assertThatThrownBy(() -> phones.normalise("+49 1234 5678", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("not a valid number for region DE")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("phone");
    }

    @Test
    void aShortNumberIsTooShort() {
        assertThatThrownBy(() -> phones.normalise("12", null)).hasMessage("too short");
    }

    @Test
    void textIsNotANumber() {
        assertThatThrownBy(() -> phones.normalise("call me maybe", null)).hasMessage("could not parse: not a phone number");
    }

    @Test
    void anUnknownCountryCodeCannotBeParsed() {
        assertThatThrownBy(() -> phones.normalise("+999 1234 5678", null))
                .hasMessage("could not parse: unknown country calling code");
    }

    @Test
    void anUnknownDefaultRegionIsAStartupError() {
        assertThatThrownBy(() -> new PhoneNormaliser("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
