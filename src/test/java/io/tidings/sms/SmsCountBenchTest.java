package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmsCountBenchTest {

    @Test
    void benchPrintsOneJsonLineWithTheAgreedFields() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SmsCountBench.run(new String[] {"--mb", "1", "--rounds", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed.lines()).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(printed);
        assertThat(line.propertyNames()).containsExactly("bytes", "messages", "seconds", "mb_per_second",
                "baseline_mb_per_second", "ratio");
        assertThat(line.get("bytes").longValue()).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(line.get("messages").intValue()).isPositive();
    }

    @Test
    void utf8LengthMatchesTheJdkEncoder() {
        String mixed = "aé中😀€\n👍🏽";
        assertThat(SmsCountBench.utf8Length(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }
}
