package io.tidings.sms.send;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Marketing goes out only inside the send window in the recipient's own time (the contact's zone,
 * else the number's). Outside it the message is not dropped but held until the window next opens.
 */
final class QuietHoursRule implements SendRule {

    private final LocalTime start;
    private final LocalTime end;

    QuietHoursRule(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        if (!facts.marketing()) {
            return Verdict.PASS;
        }
        ZonedDateTime local = facts.now().atZone(zone(c));
        LocalTime t = local.toLocalTime();
        if (!t.isBefore(start) && t.isBefore(end)) {
            return Verdict.PASS;
        }
        ZonedDateTime opens = local.with(start);
        if (!t.isBefore(start)) {
            opens = local.plusDays(1).with(start);
        }
        return Verdict.hold(opens.toInstant());
    }

    static ZoneId zone(Candidate c) {
        for (String z : new String[]{c.contact() == null ? null : c.contact().timezone(), c.phone().timezone()}) {
            if (z != null && !z.isBlank()) {
                try {
                    return ZoneId.of(z);
                } catch (DateTimeException ignored) {
                    // a zone this JVM does not know: fall through to the next clue
                }
            }
        }
        return ZoneOffset.UTC;
    }
}
