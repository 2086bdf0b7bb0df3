package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.sms.DeliveryReport.Status;
import io.tidings.sms.smpp.ReceiptParser.MalformedReceiptException;
import io.tidings.sms.smpp.ReceiptParser.Receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptParserTest {

    private static final String STANDARD = "id:0123456789 sub:001 dlvrd:001 submit date:2406011200 "
            + "done date:2406011201 stat:DELIVRD err:000 text:Your code is 1234";

    private static Receipt parse(String text) throws MalformedReceiptException {
        return ReceiptParser.parse(text, null, null);
    }

    @Test
    void theStandardFormatGivesIdStatErrorAndStatus() throws Exception {
        assertThat(parse(STANDARD)).isEqualTo(new Receipt("0123456789", "DELIVRD", "000", Status.DELIVERED));
    }

    @ParameterizedTest
    @CsvSource({
            "DELIVRD, DELIVERED", "EXPIRED, FAILED", "DELETED, FAILED", "UNDELIV, FAILED", "REJECTD, FAILED",
            "UNKNOWN, FAILED", "ENROUTE, IN_FLIGHT", "ACCEPTD, IN_FLIGHT", "delivrd, DELIVERED"})
    void everyStatWordMapsToItsStatus(String stat, Status status) throws Exception {
        assertThat(parse("id:7 stat:" + stat + " err:012").status()).isEqualTo(status);
    }

    @Test
    void aFailedReceiptKeepsItsErrorCode() throws Exception {
        assertThat(parse("id:7 sub:001 dlvrd:000 submit date:2406011200 done date:2406011300 stat:UNDELIV err:034 "
                + "text:x")).isEqualTo(new Receipt("7", "UNDELIV", "034", Status.FAILED));
    }

    @Test
    void fieldsMayComeInAnyOrderAndTextMayBeCapitalised() throws Exception {
        assertThat(parse("stat:EXPIRED err:001 Text:hello id:abc-9 done date:2406011201"))
                .isEqualTo(new Receipt("abc-9", "EXPIRED", "001", Status.FAILED));
    }

    @Test
    void aMessageTextThatLooksLikeFieldsCannotOverrideTheRealOnes() throws Exception {
        Receipt receipt = parse("id:42 sub:001 dlvrd:001 submit date:2406011200 done date:2406011201 "
                + "stat:DELIVRD err:000 text:id:99 stat:UNDELIV");
        assertThat(receipt).isEqualTo(new Receipt("42", "DELIVRD", "000", Status.DELIVERED));
    }

    @Test
    void theTlvsWinOverTheTextBecauseTheyCarryTheIdAsSubmitSmRespGaveIt() throws Exception {
        // Some SMSCs print the id in decimal in the text but answered submit_sm in hex.
        Receipt receipt = ReceiptParser.parse("id:3054 stat:DELIVRD err:000", "BEE", 5);
        assertThat(receipt).isEqualTo(new Receipt("BEE", "UNDELIV", "000", Status.FAILED));
    }

    @Test
    void theTlvsAloneAreEnough() throws Exception {
        assertThat(ReceiptParser.parse("", "5a000001", 2))
                .isEqualTo(new Receipt("5a000001", "DELIVRD", null, Status.DELIVERED));
    }

    @Test
    void aReceiptWithoutAnIdFailsClearly() {
        assertThatThrownBy(() -> parse("sub:001 dlvrd:001 stat:DELIVRD err:000"))
                .isInstanceOf(MalformedReceiptException.class).hasMessageContaining("no message id")
                .hasMessageContaining("stat:DELIVRD");
    }

    @Test
    void aTruncatedReceiptWithoutItsStatFailsClearly() {
        assertThatThrownBy(() -> parse("id:0123456789 sub:001 dlvrd:001 submit date:2406011200 done da"))
                .isInstanceOf(MalformedReceiptException.class).hasMessageContaining("0123456789 has no stat");
    }

    @Test
    void anUnknownStatWordFailsClearly() {
        assertThatThrownBy(() -> parse("id:1 stat:BOUNCED err:000"))
                .isInstanceOf(MalformedReceiptException.class).hasMessageContaining("unknown stat 'BOUNCED'");
    }

    @Test
    void anOutOfRangeMessageStateFailsClearly() {
        assertThatThrownBy(() -> ReceiptParser.parse("", "1", 9))
                .isInstanceOf(MalformedReceiptException.class).hasMessageContaining("message_state 9");
    }

    @Test
    void garbageAndEmptyInputFailWithoutAnyOtherException() {
        for (String text : new String[]{"", "   ", "hello world", ":::", "id:", "id: stat:", "\u0000\u0001",
                "x".repeat(10_000)}) {
            assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(MalformedReceiptException.class);
        }
        assertThatThrownBy(() -> ReceiptParser.parse(null, null, null)).isInstanceOf(MalformedReceiptException.class);
    }

    @Test
    void aLongErrorMessageQuotesOnlyTheStartOfTheReceipt() {
        assertThatThrownBy(() -> parse("stat:DELIVRD " + "z".repeat(500)))
                .hasMessageEndingWith("…'");
    }
}
