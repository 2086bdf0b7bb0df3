package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SenderSignatureTest {

    @ParameterizedTest
    @ValueSource(strings = {"天猫旗舰店", "小米3店", "京东JD", "ABC中文123", "中文字", "十二个字十二个字十二个字", "𠀀𠀁𠀂"})
    void chineseAloneOrMixedWithAsciiLettersAndDigitsIsValid(String signature) {
        assertThat(SenderSignature.problemWith(signature)).isNull();
        assertThat(SenderSignature.parse(signature).value()).isEqualTo(signature);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ab                              | signature must be 3 to 12 characters, got 2
            店                               | signature must be 3 to 12 characters, got 1
            太长了太长了太长了太长了太长了   | signature must be 3 to 12 characters, got 15
            abcdef                          | signature must contain at least one Chinese character
            123456                          | signature must contain at least one Chinese character
            abc123                          | signature must contain at least one Chinese character
            shop!店                          | signature may contain only Chinese characters, ASCII letters and digits, not '!'
            天猫 旗舰店                       | signature may contain only Chinese characters, ASCII letters and digits, not ' '
            天猫ｊｄ店                         | signature may contain only Chinese characters, ASCII letters and digits, not 'ｊ'
            """)
    void signatureBreakingTheRuleIsRefusedWithAReason(String signature, String reason) {
        assertThat(SenderSignature.problemWith(signature)).isEqualTo(reason);
        assertThatThrownBy(() -> SenderSignature.parse(signature))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }

    @Test
    void bracketsAndSurroundingSpacesAreDroppedOnParse() {
        assertThat(SenderSignature.parse(" 【天猫旗舰店】 ").value()).isEqualTo("天猫旗舰店");
        assertThat(SenderSignature.parse("天猫旗舰店").bracketed()).isEqualTo("【天猫旗舰店】");
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        // Characters from CJK extension B are surrogate pairs; 12 of them are still 12 characters.
        assertThat(SenderSignature.problemWith("𠀀".repeat(12))).isNull();
        assertThat(SenderSignature.problemWith("𠀀".repeat(13))).isEqualTo("signature must be 3 to 12 characters, got 13");
    }

    @Test
    void missingSignatureIsRefused() {
        assertThat(SenderSignature.problemWith(null)).isEqualTo("signature is missing");
        assertThat(SenderSignature.problemWith("【】")).isEqualTo("signature is missing");
    }
}
