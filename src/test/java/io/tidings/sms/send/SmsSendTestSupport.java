package io.tidings.sms.send;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.contacts.PhoneInfo;
import io.tidings.credits.CreditsApi;
import io.tidings.dispatch.DispatchApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsRate;
import io.tidings.sms.SmsSendStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * One context for the send-path tests: real PostgreSQL, real dispatch workers, sandbox providers. The
 * database outlives test runs, so every test makes its own providers, numbers and contacts, and
 * disables providers left over for the countries it routes to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tidings.dispatch.poll-interval=100ms", "tidings.sms.pending-interval=200ms",
                "tidings.dispatch.retry-base=200ms", "tidings.dispatch.retry-cap=500ms"})
abstract class SmsSendTestSupport {

    static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    SmsApi sms;
    @Autowired
    SmsProvidersApi providers;
    @Autowired
    ContactsApi contacts;
    @Autowired
    CreditsApi credits;
    @Autowired
    DispatchApi dispatch;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SmsEventSink sink;

    /** Leaves only the given providers routable for these countries. */
    void onlyThese(Set<String> countries, long... keep) {
        Set<Long> kept = java.util.Arrays.stream(keep).boxed().collect(java.util.stream.Collectors.toSet());
        sms.rates().stream().filter(r -> countries.contains(r.country())).map(SmsRate::providerId).distinct()
                .filter(id -> !kept.contains(id))
                .forEach(id -> {
                    if (providers.get(id).enabled()) {
                        providers.disable(id);
                    }
                });
    }

    /** A sandbox provider sending as a long code, priced per segment for US traffic of both kinds. */
    SmsProvider sandbox(String config, long priceMicros, String... countries) {
        SmsProvider p = providers.add("sandbox", "send-test-" + UUID.randomUUID(), JSON.readTree(config), true);
        for (String country : countries.length == 0 ? new String[]{"US"} : countries) {
            for (String traffic : List.of("transactional", "marketing")) {
                sms.saveRate(new SmsRate(null, p.id(), country, traffic, "long_code", 0, priceMicros, "USD"));
            }
        }
        return p;
    }

    static String cfg(String extra) {
        return "{\"delayMillis\":100,\"from\":\"+12025550100\",\"senderType\":\"long_code\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    void topUp(long messages) {
        credits.topUp(CreditsApi.DEFAULT_ACCOUNT, messages, "send-test-" + UUID.randomUUID());
    }

    /** A US number nobody has used, of a type the send path treats as mobile. */
    String usMobile() {
        return number("+1201", 7, Set.of("mobile", "fixed_line_or_mobile"));
    }

    String japanMobile() {
        return number("+8190", 8, Set.of("mobile"));
    }

    String chinaMobile() {
        return number("+86138", 8, Set.of("mobile"));
    }

    String berlinLandline() {
        return number("+4930", 8, Set.of("fixed_line"));
    }

    private String number(String prefix, int digits, Set<String> types) {
        for (int tries = 0; tries < 1000; tries++) {
            StringBuilder b = new StringBuilder(prefix).append(ThreadLocalRandom.current().nextInt(2, 10));
            for (int i = 1; i < digits; i++) {
                b.append(ThreadLocalRandom.current().nextInt(10));
            }
            try {
                PhoneInfo info = contacts.normalizePhone(b.toString(), null);
                if (types.contains(info.type()) && contacts.search(new io.tidings.contacts.ContactQuery(info.e164(), null, null, 5)).items().isEmpty()) {
                    return info.e164();
                }
            } catch (InvalidInputException ignored) {
                // not valid there: draw again
            }
        }
        throw new IllegalStateException("no number found for " + prefix);
    }

    Contact contact(String phone, String timezone) {
        return contacts.create(new NewContact("Ana Pop " + UUID.randomUUID().toString().substring(0, 6), null, phone,
                null, timezone, null, "Acme", null, Map.of("city", "Cluj")));
    }

    void optOut(Contact c) {
        contacts.changeConsent(c.id(), new ConsentChange(Channel.SMS, ConsentState.OPTED_OUT, "api", "test", "test", null));
    }

    /** A zone whose local time now is about {@code hour}:xx, as Etc/GMT±n. */
    static String zoneAtHour(int hour) {
        int utc = ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        int off = ((hour - utc) % 24 + 24) % 24;
        if (off > 14) {
            off -= 24;
        }
        return off == 0 ? "Etc/GMT" : off > 0 ? "Etc/GMT-" + off : "Etc/GMT+" + (-off);
    }

    static Instant nextOpening(String zone, LocalTime start) {
        ZonedDateTime local = ZonedDateTime.now(ZoneId.of(zone));
        ZonedDateTime opens = local.with(start).withNano(0);
        return (local.toLocalTime().isBefore(start) ? opens : opens.plusDays(1)).toInstant();
    }

    SmsSendStatus awaitSend(String sendId, String... states) {
        await(() -> List.of(states).contains(sms.sendStatus(sendId).state()), Duration.ofSeconds(20),
                () -> "send " + sendId + " to reach " + List.of(states) + ", is " + sms.sendStatus(sendId));
        return sms.sendStatus(sendId);
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("timed out waiting for " + what.get());
    }

    long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (Object a : args) {
            spec = spec.param(a);
        }
        return spec.query(Long.class).single();
    }
}
