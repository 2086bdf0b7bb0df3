package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GsmCodecTest {

    @Test
    void basicCharactersAreTheirSeptetInOneByte() {
        assertThat(GsmCodec.encode("@£$A a\n")).containsExactly(0x00, 0x01, 0x02, 0x41, 0x20, 0x61, 0x0A);
        assertThat(GsmCodec.encode("ÆæßÉ")).containsExactly(0x1C, 0x1D, 0x1E, 0x1F);
        assertThat(GsmCodec.encode("¡¿§à")).containsExactly(0x40, 0x60, 0x5F, 0x7F);
    }

    @Test
    void extensionCharactersAreEscapedPairs() {
        assertThat(GsmCodec.encode("€[")).containsExactly(0x1B, 0x65, 0x1B, 0x3C);
        assertThat(GsmCodec.encode("{}\\^~]|\f")).hasSize(16);
    }

    @Test
    void everyGsmCharacterSurvivesARoundTrip() {
        String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";
        byte[] bytes = GsmCodec.encode(all);
        assertThat(GsmCodec.decode(bytes, 0, bytes.length)).isEqualTo(all);
        assertThat(GsmCodec.canEncode(all)).isTrue();
    }

    @Test
    void aCharacterOutsideTheAlphabetIsRefusedByName() {
        assertThat(GsmCodec.canEncode("Zoë")).isFalse();
        assertThatThrownBy(() -> GsmCodec.encode("Zoë")).hasMessageContaining("U+EB");
    }

    @Test
    void anUnknownEscapeShowsTheBasicCharacterAndATrailingEscapeIsDropped() {
        assertThat(GsmCodec.decode(new byte[]{0x1B, 0x41, 0x42, 0x1B}, 0, 4)).isEqualTo("AB");
    }
}
