package io.tidings.sms.smpp;

import io.tidings.TidingsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSendBenchTest {

    @Test
    void theFullBenchSendsThroughTheWholePathAndChargesWhatItPreviewed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SmsSendBench.run(new String[]{"--messages", "200", "--warmup", "100", "--max-seconds", "120"},
                new PrintStream(out, true, StandardCharsets.UTF_8), args -> {
                    SpringApplication app = new SpringApplication(TidingsApplication.class);
                    app.setWebApplicationType(WebApplicationType.NONE);
                    List<String> all = new ArrayList<>(List.of("--logging.level.root=warn", "--tidings.db.durable=false"));
                    all.addAll(args);
                    return app.run(all.toArray(String[]::new));
                });
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed.lines()).as(printed).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(printed);
        assertThat(line.propertyNames()).startsWith("messages", "seconds", "messages_per_second",
                "baseline_messages_per_second", "ratio", "delivered", "lost", "duplicated");
        assertThat(line.get("delivered").intValue()).isEqualTo(200);
        assertThat(line.get("lost").intValue()).isZero();
        assertThat(line.get("duplicated").intValue()).isZero();
        assertThat(line.get("state").asString()).isEqualTo("settled");
        assertThat(line.get("credits_charged").longValue()).isEqualTo(line.get("credits_previewed").longValue()).isEqualTo(200);
        assertThat(exit).isZero();
    }
}
