package io.tidings.sms.sandbox;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsSubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A provider that never touches the network: it accepts every valid number with an "SBX…" id and reports
 * DELIVERED a little later, or FAILED for destinations ending in a fail suffix, so the send path, receipts
 * and credits settlement can be exercised with no provider account. It keeps the last messages it took
 * and can play a customer's reply, so what "was sent" can be looked at and answered.
 */
final class SandboxGateway implements SmsGateway {

    static final int KEPT = 1_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

    record Settings(Duration delay, List<String> failSuffixes, boolean throttle) {
    }

    /** A message the sandbox took, with the id it answered. */
    record Taken(String providerMessageId, OutboundSms sms) {
    }

    private final String name;
    private final Settings settings;
    private final SmsEventSink sink;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Taken> taken = new ArrayDeque<>();

    SandboxGateway(String name, Settings settings, SmsEventSink sink) {
        this.name = name;
        this.settings = settings;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name + "-receipts").factory());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean up() {
        return !timer.isShutdown();
    }

    @Override
    public List<SmsSubmitResult> submit(List<OutboundSms> batch) {
        List<SmsSubmitResult> results = new ArrayList<>(batch.size());
        for (OutboundSms sms : batch) {
            results.add(submitOne(sms));
        }
        return results;
    }

    private SmsSubmitResult submitOne(OutboundSms sms) {
        if (settings.throttle()) {
            return new SmsSubmitResult.Retry(sms.messageId(), "THROTTLED", "sandbox: throttle is on", Duration.ofSeconds(1));
        }
        if (sms.to() == null || !E164.matcher(sms.to()).matches()) {
            return new SmsSubmitResult.Rejected(sms.messageId(), "INVALID_NUMBER",
                    "sandbox: '" + sms.to() + "' is not an E.164 number", false);
        }
        String id = newId();
        int segments = SmsCounter.count(sms.text() == null ? "" : sms.text(), sms.smartEncoding()).segments();
        boolean fails = settings.failSuffixes().stream().anyMatch(sms.to()::endsWith);
        try {
            timer.schedule(() -> report(id, fails), settings.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return new SmsSubmitResult.Retry(sms.messageId(), "CLOSED", "the sandbox gateway was closed", null);
        }
        synchronized (taken) {
            if (taken.size() == KEPT) {
                taken.removeFirst();
            }
            taken.addLast(new Taken(id, sms));
        }
        return new SmsSubmitResult.Accepted(sms.messageId(), id, segments);
    }

    /** The last {@value #KEPT} messages taken, oldest first. */
    List<Taken> taken() {
        synchronized (taken) {
            return List.copyOf(taken);
        }
    }

    void forget() {
        synchronized (taken) {
            taken.clear();
        }
    }

    /** Plays a message from a customer's phone, as a provider's inbound webhook would bring it. */
    void receive(String from, String to, String text) {
        sink.inbound(new InboundSms(name, newId(), from, to, text, Instant.now()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void report(String id, boolean fails) {
        DeliveryReport r = fails
                ? new DeliveryReport(name, id, DeliveryReport.Status.FAILED, "SANDBOX_FAIL",
                "sandbox: the destination ends in a fail suffix", Instant.now())
                : new DeliveryReport(name, id, DeliveryReport.Status.DELIVERED, null, "sandbox: delivered", Instant.now());
        try {
            sink.delivery(r);
        } catch (RuntimeException e) {
            // a failing sink must not stop the timer thread that serves every later receipt
            log.warn("SMS event sink refused sandbox receipt {}", r, e);
        }
    }

    private static String newId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "SBX" + HexFormat.of().formatHex(random);
    }
}
