package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmsBenchTest {

    @Test
    void benchPrintsOneJsonLineAndLosesOrDuplicatesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SmsBench.run(new String[]{"--messages", "400", "--batch", "50", "--max-seconds", "60"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed).doesNotContain("error");
        assertThat(printed.lines()).as(printed).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(printed);
        assertThat(line.propertyNames()).startsWith("messages", "seconds", "messages_per_second",
                "baseline_messages_per_second", "ratio", "delivered", "lost", "duplicated");
        assertThat(line.get("messages").intValue()).isEqualTo(400);
        assertThat(line.get("delivered").intValue()).isEqualTo(400);
        assertThat(line.get("lost").intValue()).isZero();
        assertThat(line.get("duplicated").intValue()).isZero();
        assertThat(line.get("messages_per_second").doubleValue()).isPositive();
        assertThat(exit).isZero();
    }
}
