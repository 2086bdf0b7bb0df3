package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SmsSplitterTest {

    @Test
    void aSingleSmsIsOnePartHoldingTheWholeText() {
        assertThat(SmsCounter.split("")).containsExactly("");
        assertThat(SmsCounter.split("a".repeat(160))).containsExactly("a".repeat(160));
        assertThat(SmsCounter.split("好".repeat(70))).containsExactly("好".repeat(70));
    }

    @Test
    void gsmTextIsCutEvery153Septets() {
        assertThat(SmsCounter.split("a".repeat(161))).containsExactly("a".repeat(153), "a".repeat(8));
    }

    @Test
    void anEscapePairIsNeverCut() {
        List<String> parts = SmsCounter.split("a".repeat(152) + "€" + "a".repeat(7));
        assertThat(parts).containsExactly("a".repeat(152), "€" + "a".repeat(7));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        List<String> parts = SmsCounter.split("a".repeat(66) + "😀" + "a".repeat(10));
        assertThat(parts).containsExactly("a".repeat(66), "😀" + "a".repeat(10));
    }

    @Test
    void anEmojiWithItsSkinToneStaysInOnePart() {
        List<String> parts = SmsCounter.split("a".repeat(64) + "👍🏽" + "a".repeat(10));
        assertThat(parts).containsExactly("a".repeat(64), "👍🏽" + "a".repeat(10));
    }

    @Test
    void everyGeneratedVectorSplitsIntoTheCountedSegmentsAndJoinsBackToItself() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> texts;
        try (InputStream in = getClass().getResourceAsStream("/sms/oracle-generated.jsonl")) {
            texts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> json.readTree(l).get("text").stringValue()).toList();
        }
        assertThat(texts).hasSizeGreaterThan(1000);
        for (String text : texts) {
            List<String> parts = SmsCounter.split(text);
            assertThat(parts).as(text).hasSize(SmsCounter.count(text).segments());
            assertThat(String.join("", parts)).isEqualTo(text);
        }
    }
}
