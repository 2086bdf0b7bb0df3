package io.tidings.mail;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the smtp-source baseline that need no Postfix; the run itself is checked by hand (it may need apt). */
class MailBenchToolsTests {

    @Test
    void theLastCountersOfSmtpSinksCarriageReturnOutputCount() {
        String output = "sess=1 quit=0 mesg=1\rsess=2 quit=1 mesg=2\rsess=1998 quit=1998 mesg=2000\r";

        assertThat(MailBenchTools.lastCounters(output)).containsExactly(1998, 1998, 2000);
        assertThat(MailBenchTools.lastCounters("smtp-sink: warning: nothing yet")).containsExactly(0, 0, 0);
    }

    @Test
    void aBadOptionIsOneJsonErrorLineAndExitCodeOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = MailBenchTools.run(new String[]{"--sessions", "none"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"--sessions needs a whole number above 0\"}\n");
    }
}
