package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tidings.sms.SmsCount.Encoding;

class CnBillingTest {

    private static final String SIGNATURE = "天猫旗舰店"; // billed as 【天猫旗舰店】: 7 characters

    /** Text that makes the billed total exactly {@code billed} characters with {@link #SIGNATURE}. */
    private static String textForBilledTotal(int billed) {
        return "订".repeat(billed - 7);
    }

    private static SmsCount bill(int billed) {
        return CnBilling.count(textForBilledTotal(billed), SIGNATURE, null, false);
    }

    @Test
    void upTo70CharactersIsOneMessage() {
        assertThat(bill(70)).isEqualTo(new SmsCount(Encoding.UCS_2, 1, 70, 0));
    }

    @Test
    void above70CharactersEachMessageHolds67() {
        assertThat(bill(71)).isEqualTo(new SmsCount(Encoding.UCS_2, 2, 71, 63));
        assertThat(bill(134).segments()).isEqualTo(2);
        assertThat(bill(135).segments()).isEqualTo(3);
    }

    @Test
    void fiveHundredCharactersIsTheMostACarrierTakes() {
        assertThat(bill(500)).isEqualTo(new SmsCount(Encoding.UCS_2, 8, 500, 36));
        assertThatThrownBy(() -> bill(501)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text too long: 501 characters, at most 500");
    }

    @Test
    void signatureWithBracketsAndUnsubscribeTextAreBilled() {
        // 【小米3店】 6 + 您好 2 + 回T退订 4
        assertThat(CnBilling.count("您好", "小米3店", "回T退订", false).characters()).isEqualTo(12);
        assertThat(CnBilling.billedText("您好", "小米3店", "回T退订", false)).isEqualTo("【小米3店】您好回T退订");
    }

    @Test
    void signatureAlreadyInBracketsIsNotBracketedTwice() {
        assertThat(CnBilling.count("您好", "【天猫旗舰店】", null, false)).isEqualTo(CnBilling.count("您好", SIGNATURE, null, false));
        assertThat(CnBilling.billedText("您好", "【天猫旗舰店】", null, false)).isEqualTo("【天猫旗舰店】您好");
    }

    @Test
    void everyCodePointCountsOneWhateverItsEncodingCost() {
        // An emoji is two UTF-16 units and € two septets; carriers in China bill each as one character.
        assertThat(CnBilling.count("😀€a", SIGNATURE, null, false).characters()).isEqualTo(10);
    }

    @Test
    void missingOrInvalidSignatureIsAnErrorWithTheReason() {
        assertThatThrownBy(() -> CnBilling.count("hi", null, null, false))
                .hasMessage("the cn profile needs a signature");
        assertThatThrownBy(() -> CnBilling.count("hi", "  ", null, false))
                .hasMessage("the cn profile needs a signature");
        assertThatThrownBy(() -> CnBilling.count("hi", "abcdef", null, false))
                .hasMessage("invalid signature: signature must contain at least one Chinese character");
    }

    @Test
    void smartEncodingAppliesToTheTextNotTheSignature() {
        assertThat(CnBilling.billedText("a…", SIGNATURE, "，退订", true)).isEqualTo("【天猫旗舰店】a...,退订");
        assertThat(CnBilling.count("a…", SIGNATURE, null, true).characters()).isEqualTo(11);
    }
}
