package io.tidings.contacts;

import io.tidings.TidingsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBenchTest {

    /** What Cli.offline does, without reaching into the command-line module. */
    private static final Function<String, ConfigurableApplicationContext> OFFLINE = dir ->
            new SpringApplicationBuilder(TidingsApplication.class).web(WebApplicationType.NONE).logStartupInfo(false)
                    .run("--tidings.data-dir=" + dir, "--tidings.db.durable=false", "--logging.level.root=warn");

    @Test
    void theBenchImportsIntoAFreshDatabaseAndPrintsOneJsonLine(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("fresh");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ImportBench.run(new String[] {"--rows", "3000", "--data", data.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), OFFLINE);
        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        JsonNode line = ApiClient.JSON.readTree(printed);
        assertThat(line.propertyNames()).containsExactly("rows", "imported", "rejected", "seconds", "rows_per_second",
                "peak_heap_mb");
        assertThat(line.get("rows").asLong()).isEqualTo(3000);
        // one row in a hundred is broken on purpose; every other one is a new contact
        assertThat(line.get("rejected").asLong()).isEqualTo(30);
        assertThat(line.get("imported").asLong()).isEqualTo(2970);
        assertThat(line.get("seconds").asDouble()).isPositive();
        assertThat(data).as("a directory the bench created is wiped").doesNotExist();
    }

    @Test
    void theBenchRefusesADataDirectoryThatIsNotEmpty(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("precious.txt"), "keep me");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ImportBench.run(new String[] {"--rows", "10", "--data", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), OFFLINE);
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(tmp.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void everyGeneratedPhoneOfAGoodRowIsValid() {
        PhoneNormaliser phones = new PhoneNormaliser("US");
        String[] countries = {"US", "GB", "DE", "FR", "IN", "BR", "CN", "JP"};
        for (int c = 0; c < countries.length; c++) {
            for (int style = 0; style < 4; style++) {
                for (long k : new long[] {0, 1, 999_999, 1_250_000}) {
                    String written = BenchCsv.phone(c, k, style);
                    PhoneInfo p = phones.normalise(written, countries[c]);
                    assertThat(p.region()).as(written).isEqualTo(countries[c]);
                }
            }
        }
    }
}
