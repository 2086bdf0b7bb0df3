package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InboundAssemblerTest {

    private final InboundAssembler assembler = new InboundAssembler(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(10), 2);

    private static UserData.Concat part(int reference, int total, int sequence) {
        return new UserData.Concat(reference, total, sequence);
    }

    @Test
    void partsInAnyOrderComeBackAsTheWholeTextWhenTheLastArrives() {
        assertThat(assembler.add("+1", "+2", part(9, 3, 3), "c")).isEmpty();
        assertThat(assembler.add("+1", "+2", part(9, 3, 1), "a")).isEmpty();
        assertThat(assembler.add("+1", "+2", part(9, 3, 1), "a")).isEmpty(); // repeated
        assertThat(assembler.add("+1", "+2", part(9, 3, 2), "b")).contains("abc");
        assertThat(assembler.pending()).isZero();
    }

    @Test
    void theSameReferenceFromAnotherPhoneIsAnotherMessage() {
        assembler.add("+1", "+2", part(9, 2, 1), "from one ");
        assertThat(assembler.add("+3", "+2", part(9, 2, 2), "three")).isEmpty();
        assertThat(assembler.add("+1", "+2", part(9, 2, 2), "done")).contains("from one done");
    }

    @Test
    void theOldestUnfinishedMessageMakesRoomWhenTheBoundIsReached() {
        assembler.add("+1", "+2", part(1, 2, 1), "x");
        assembler.add("+1", "+2", part(2, 2, 1), "y");
        assembler.add("+1", "+2", part(3, 2, 1), "z");
        assertThat(assembler.pending()).isEqualTo(2);
        assertThat(assembler.add("+1", "+2", part(1, 2, 2), "x")).isEmpty();
    }
}
