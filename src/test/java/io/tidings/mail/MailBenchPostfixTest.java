package io.tidings.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The part of the Postfix baseline that needs no Postfix; the runs themselves are the benchmark's. */
class MailBenchPostfixTest {

    @Test
    void theSinksMessageCountIsTheLastCounterOfItsCarriageReturnOutput() {
        String output = "sess=1 quit=0 mesg=1\rsess=2 quit=1 mesg=2\rsess=1998 quit=1998 mesg=2000\r";

        assertThat(MailBenchPostfix.lastCount(output)).isEqualTo(2000);
        assertThat(MailBenchPostfix.lastCount("smtp-sink: warning: nothing yet")).isZero();
    }
}
