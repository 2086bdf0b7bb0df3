package io.tidings.sms.sandbox;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsSubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A provider that never touches the network: it accepts everything with an "SBX…" id and reports
 * DELIVERED a little later, or FAILED for destinations ending in a fail suffix, so the send path, receipts
 * and credits settlement can be exercised with no provider account.
 */
final class SandboxGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

    private final String name;
    private final Duration delay;
    private final List<String> failSuffixes;
    private final SmsEventSink sink;
    private final ScheduledExecutorService timer;

    SandboxGateway(String name, Duration delay, List<String> failSuffixes, SmsEventSink sink) {
        this.name = name;
        this.delay = delay;
        this.failSuffixes = failSuffixes;
        this.sink = sink;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name + "-receipts").factory());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SmsSubmitResult> submit(List<OutboundSms> batch) {
        List<SmsSubmitResult> results = new ArrayList<>(batch.size());
        for (OutboundSms sms : batch) {
            String id = newId();
            int segments = SmsCounter.count(sms.text() == null ? "" : sms.text(), sms.smartEncoding()).segments();
            boolean fails = sms.to() != null && failSuffixes.stream().anyMatch(sms.to()::endsWith);
            try {
                timer.schedule(() -> report(id, fails), delay.toMillis(), TimeUnit.MILLISECONDS);
                results.add(new SmsSubmitResult.Accepted(sms.messageId(), id, segments));
            } catch (RejectedExecutionException e) {
                results.add(new SmsSubmitResult.Retry(sms.messageId(), "CLOSED", "the sandbox gateway was closed", null));
            }
        }
        return results;
    }

    @Override
    public boolean up() {
        return !timer.isShutdown();
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
