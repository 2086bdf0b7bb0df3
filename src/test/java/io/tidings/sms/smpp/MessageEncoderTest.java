package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.sms.SmsCounter;

import java.util.List;

import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {

    private final MessageEncoder udh = new MessageEncoder(false);
    private final MessageEncoder payload = new MessageEncoder(true);

    private static String decodeAll(List<MessageEncoder.Part> parts) {
        StringBuilder text = new StringBuilder();
        for (MessageEncoder.Part p : parts) {
            text.append(UserData.decode(p.dataCoding(), p.esmClass(), p.shortMessage()).text());
        }
        return text.toString();
    }

    @Test
    void aShortGsmTextIsOnePartWithDataCodingZeroAndNoHeader() {
        MessageEncoder.Encoded e = udh.encode("Hello €", 7);
        assertThat(e.segments()).isEqualTo(1);
        MessageEncoder.Part part = e.parts().getFirst();
        assertThat(part.dataCoding()).isEqualTo((byte) 0);
        assertThat(part.esmClass()).isEqualTo((byte) 0);
        assertThat(part.shortMessage()).containsExactly('H', 'e', 'l', 'l', 'o', ' ', 0x1B, 0x65);
    }

    @Test
    void aShortUcs2TextIsUtf16BigEndianWithDataCodingEight() {
        MessageEncoder.Part part = udh.encode("好😀", 0).parts().getFirst();
        assertThat(part.dataCoding()).isEqualTo((byte) 8);
        assertThat(part.shortMessage()).containsExactly(0x59, 0x7D, 0xD8, 0x3D, 0xDE, 0x00);
    }

    @Test
    void aLongTextGetsOnePartPerCountedSegmentEachWithAConcatenationHeader() {
        String text = "a".repeat(152) + "€" + "b".repeat(200);
        MessageEncoder.Encoded e = udh.encode(text, 0x1FF);
        int counted = SmsCounter.count(text).segments();
        assertThat(e.parts()).hasSize(counted);
        assertThat(e.segments()).isEqualTo(counted);
        for (int i = 0; i < counted; i++) {
            MessageEncoder.Part p = e.parts().get(i);
            assertThat(p.esmClass()).isEqualTo((byte) 0x40);
            assertThat(p.shortMessage()).startsWith(0x05, 0x00, 0x03, 0xFF, counted, i + 1);
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(6 + 153);
            UserData.Concat concat = UserData.decode(p.dataCoding(), p.esmClass(), p.shortMessage()).concat();
            assertThat(concat).isEqualTo(new UserData.Concat(0xFF, counted, i + 1));
        }
        assertThat(decodeAll(e.parts())).isEqualTo(text);
    }

    @Test
    void aLongUcs2TextNeverCutsASurrogatePairAndFitsEachPart() {
        String text = "x".repeat(66) + "😀".repeat(40);
        MessageEncoder.Encoded e = udh.encode(text, 1);
        assertThat(e.parts()).hasSize(SmsCounter.count(text).segments());
        for (MessageEncoder.Part p : e.parts()) {
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(140);
        }
        assertThat(decodeAll(e.parts())).isEqualTo(text);
    }

    @Test
    void aClusterWiderThanAPartIsCutAtCodePointsRatherThanOverfillingIt() {
        String text = "e" + "\u0301".repeat(150); // one grapheme cluster of 151 units
        MessageEncoder.Encoded e = udh.encode(text, 1);
        for (MessageEncoder.Part p : e.parts()) {
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(140);
        }
        assertThat(decodeAll(e.parts())).isEqualTo(text);
    }

    @Test
    void withThePayloadOptionALongTextIsOneSubmitCarryingEverythingInTheTlv() {
        String text = "Ω".repeat(100) + "好";
        MessageEncoder.Encoded e = payload.encode(text, 1);
        assertThat(e.parts()).hasSize(1);
        assertThat(e.segments()).isEqualTo(SmsCounter.count(text).segments());
        MessageEncoder.Part p = e.parts().getFirst();
        assertThat(p.shortMessage()).isEmpty();
        assertThat(p.tlvs()).singleElement().isInstanceOfSatisfying(OptionalParameter.OctetString.class,
                tlv -> assertThat(UserData.text(p.dataCoding(), tlv.getValue(), 0, tlv.getValue().length))
                        .isEqualTo(text));
    }

    @Test
    void moreThan255PartsCannotBeNumberedAndAreRefused() {
        assertThatThrownBy(() -> udh.encode("a".repeat(153 * 256), 1)).hasMessageContaining("255");
    }

    @Test
    void userDataDecodesTheOtherCommonDataCodings() {
        assertThat(UserData.text((byte) 0x01, "plain".getBytes(), 0, 5)).isEqualTo("plain");
        assertThat(UserData.text((byte) 0x03, new byte[]{(byte) 0xE9}, 0, 1)).isEqualTo("é");
        assertThat(UserData.text((byte) 0x18, new byte[]{0x59, 0x7D}, 0, 2)).isEqualTo("好");
        assertThat(UserData.text((byte) 0xF0, new byte[]{0x00}, 0, 1)).isEqualTo("@");
    }

    @Test
    void aHeaderWithASixteenBitReferenceIsUnderstoodToo() {
        byte[] sm = {0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01, 'h', 'i'};
        UserData.Decoded d = UserData.decode((byte) 0, (byte) 0x40, sm);
        assertThat(d).isEqualTo(new UserData.Decoded("hi", new UserData.Concat(0x1234, 2, 1)));
    }
}
