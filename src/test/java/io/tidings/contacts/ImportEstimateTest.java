package io.tidings.contacts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportEstimateTest {

    @Test
    void theRowEstimateCountsDataLinesWithOrWithoutAFinalLineBreak() throws Exception {
        Path a = Files.createTempFile("est", ".csv");
        Path b = Files.createTempFile("est", ".csv");
        try {
            Files.writeString(a, "name,email\nA,a@x.org\nB,b@x.org\n");
            Files.writeString(b, "name,email\nA,a@x.org\nB,b@x.org");
            assertThat(ImportJobs.estimateRows(a)).isEqualTo(2);
            assertThat(ImportJobs.estimateRows(b)).isEqualTo(2);
        } finally {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        }
    }

    @Test
    void progressIsProcessedRowsOverTheEstimateAndAFullBarOnlyWhenDone() {
        var running = new ImportStatus(1, ImportStatus.RUNNING, 50, 50, 0, 0, List.of(), 0, null, "t", Instant.now(), null, 200, ImportStatus.LOADING, false);
        var overshoot = new ImportStatus(1, ImportStatus.RUNNING, 300, 300, 0, 0, List.of(), 0, null, "t", Instant.now(), null, 200, ImportStatus.LOADING, false);
        var done = new ImportStatus(1, ImportStatus.DONE, 200, 200, 0, 0, List.of(), 0, null, "t", Instant.now(), Instant.now(), 200, null, false);
        assertThat(running.percent()).isEqualTo(25);
        assertThat(overshoot.percent()).isEqualTo(99);
        assertThat(done.percent()).isEqualTo(100);
    }
}
