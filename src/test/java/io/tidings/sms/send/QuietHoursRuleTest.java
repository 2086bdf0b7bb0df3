package io.tidings.sms.send;

import io.tidings.contacts.PhoneInfo;
import io.tidings.dispatch.Traffic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursRuleTest {

    private final QuietHoursRule rule = new QuietHoursRule(LocalTime.of(9, 0), LocalTime.of(21, 0));
    // a Berlin number without a contact: the number's zone decides
    private final Candidate berlin = new Candidate(null, "+4915112345678",
            new PhoneInfo("+4915112345678", "DE", "mobile", "Europe/Berlin"), null);

    private Verdict at(String instant, Traffic traffic) {
        return rule.check(berlin, new SendFacts(traffic, Instant.parse(instant), null));
    }

    @Test
    void marketingInsideTheWindowGoesNow() {
        assertThat(at("2026-11-23T08:00:00Z", Traffic.MARKETING)).isEqualTo(Verdict.PASS); // 09:00 in Berlin
        assertThat(at("2026-11-23T19:59:59Z", Traffic.MARKETING)).isEqualTo(Verdict.PASS); // 20:59:59
    }

    @Test
    void marketingBeforeNineIsHeldUntilNineTheSameDay() {
        assertThat(at("2026-11-23T07:59:00Z", Traffic.MARKETING).holdUntil()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void marketingFromNineInTheEveningIsHeldUntilNineTheNextMorning() {
        assertThat(at("2026-11-23T20:00:00Z", Traffic.MARKETING).holdUntil()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void theNextOpeningFollowsDaylightSavingTime() {
        // 2026-03-29 Berlin moves to UTC+2: 09:00 local is 07:00 UTC that morning
        assertThat(at("2026-03-28T22:30:00Z", Traffic.MARKETING).holdUntil()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void transactionalIsNeverHeld() {
        assertThat(at("2026-11-23T02:00:00Z", Traffic.TRANSACTIONAL)).isEqualTo(Verdict.PASS);
    }

    @Test
    void keywordsIgnoreCaseWidthAndSurroundingSpace() {
        assertThat(Keywords.normalise(" ｓｔｏｐ\n")).isEqualTo("STOP");
        assertThat(Keywords.normalise("Ｔｄ")).isEqualTo("TD");
        assertThat(Keywords.normalise("退订")).isEqualTo("退订");
        assertThat(Keywords.normalise("stop please")).isNotEqualTo("STOP");
    }
}
