package io.tidings.sms.smpp;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsSubmitResult;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tidings bench sms --messages N}: end-to-end SMPP throughput against {@link SmscSimulator} running as a
 * separate process. N personalised messages ("Hello &lt;name&gt;, your code is &lt;n&gt;", some names in UCS-2) go
 * through {@link SmppGateway#submit} in batches, timed until every delivery receipt came back through the
 * {@link SmsEventSink}. The baseline, a bare jsmpp client doing the same ({@link RawBaseline}), runs before and after;
 * the faster of the two counts. Both are preceded by a warm-up of 3,000 messages each. Retry results are submitted again
 * after their pause, as the durable queue would. Prints one JSON line; exits 1 when anything was lost or duplicated
 * or the time bound cut the run short.
 *
 * <p>Options: {@code --messages N} (20000), {@code --window W} (64), {@code --batch B} (500), {@code --submitters S}
 * (4 concurrent submit calls, as several queue workers would make), {@code --receipt-delay-ms D} (0),
 * {@code --max-seconds T} (120, for the whole run), {@code --smsc-throttle-above R} (0: the simulator answers
 * ESME_RTHROTTLED to submits beyond R per second, to watch the window back off and Retry results come back).
 */
public final class SmsBench {

    private static final String[] NAMES = {"Anna", "Björn", "José", "Zoë", "李雷", "Søren", "Ελένη", "Mohammed",
            "Łukasz", "Chloé", "Priya", "Kwame", "Нина", "Aoife", "Mateo", "Sakura さくら"};

    private SmsBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // the one JSON line is the only thing for stdout; logs go to stderr
        try {
            return measure(args, out);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int measure(String[] args, PrintStream out) {
        int messages = 20_000;
        int window = 64;
        int batch = 500;
        int submitters = 4;
        int receiptDelayMs = 0;
        int maxSeconds = 120;
        int smscThrottleAbove = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--messages" -> messages = value;
                case "--window" -> window = value;
                case "--batch" -> batch = value;
                case "--submitters" -> submitters = value;
                case "--receipt-delay-ms" -> receiptDelayMs = value;
                case "--max-seconds" -> maxSeconds = value;
                case "--smsc-throttle-above" -> smscThrottleAbove = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        JsmppLogging.quiet();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        try (SimulatorProcess smsc = SimulatorProcess.start(List.of("--port", "0", "--receipt-delay-ms",
                String.valueOf(receiptDelayMs), "--throttle-above", String.valueOf(smscThrottleAbove)))) {
            int warmUp = Math.min(messages, 3_000);
            RawBaseline.run(smsc.port(), texts("warm", warmUp), window, deadline);
            tidings(smsc.port(), texts("warm", warmUp), window, batch, submitters, deadline);
            SimulatorProcess.expectOk(smsc.command("reset"));

            List<String> texts = texts("Hello", messages);
            RawBaseline.Run before = RawBaseline.run(smsc.port(), texts, window, deadline);
            SimulatorProcess.expectOk(smsc.command("reset"));
            Run run = tidings(smsc.port(), texts, window, batch, submitters, deadline);
            SmscSimulator.Stats stats = smsc.stats();
            SimulatorProcess.expectOk(smsc.command("reset"));
            // Measured before and after, the better counts: on a shared machine the ratio should not flatter us.
            RawBaseline.Run after = RawBaseline.run(smsc.port(), texts, window, deadline);

            double rate = run.seconds > 0 ? messages / run.seconds : 0;
            double baselineRate = Math.max(rate(before), rate(after));
            long lost = messages - Math.min(stats.distinct(), run.reported);
            boolean aborted = run.timedOut || before.timedOut() || after.timedOut();
            out.println(String.format(Locale.ROOT, "{\"messages\":%d,\"seconds\":%.3f,\"messages_per_second\":%.0f,"
                            + "\"baseline_messages_per_second\":%.0f,\"ratio\":%.2f,\"delivered\":%d,\"lost\":%d,"
                            + "\"duplicated\":%d,\"window\":%d,\"retries\":%d,\"aborted\":%b}",
                    messages, run.seconds, rate, baselineRate, baselineRate > 0 ? rate / baselineRate : 0,
                    run.delivered, lost, stats.duplicates(), window, run.retries, aborted));
            return lost == 0 && stats.duplicates() == 0 && !aborted ? 0 : 1;
        } catch (IOException e) {
            out.println("{\"error\":\"" + e.getMessage().replace('"', '\'') + "\"}");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static double rate(RawBaseline.Run run) {
        return run.seconds() > 0 ? run.accepted() / run.seconds() : 0;
    }

    private static List<String> texts(String greeting, int count) {
        List<String> texts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            texts.add(greeting + " " + NAMES[n % NAMES.length] + ", your code is " + n);
        }
        return texts;
    }

    private record Run(double seconds, long reported, long delivered, long retries, boolean timedOut) {
    }

    /**
     * The first final status per provider id, id and status published together, so that whoever sees an id also
     * sees its status; a repeated report for the same id counts once.
     */
    private static final class Counting implements SmsEventSink {
        final Map<String, DeliveryReport.Status> finals = new ConcurrentHashMap<>();

        @Override
        public void delivery(DeliveryReport report) {
            if (report.status() != DeliveryReport.Status.IN_FLIGHT) {
                finals.putIfAbsent(report.providerMessageId(), report.status());
            }
        }

        @Override
        public void inbound(InboundSms message) {
        }
    }

    private static Run tidings(int port, List<String> texts, int window, int batchSize, int submitters,
                               long deadline) throws InterruptedException {
        Counting sink = new Counting();
        SmppConfig config = SmppConfig.of("127.0.0.1", port, "tidings", "secret").withWindowSize(window);
        try (SmppGateway gateway = SmppGateway.start(config, sink)) {
            if (!gateway.awaitUp(Duration.ofSeconds(10))) {
                return new Run(0, 0, 0, 0, true);
            }
            Map<Long, String> accepted = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<OutboundSms> retry = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger settled = new AtomicInteger();
            AtomicLong retries = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < submitters; w++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    while (settled.get() < texts.size() && System.nanoTime() < deadline) {
                        List<OutboundSms> batch = nextBatch(texts, next, batchSize, retry);
                        if (batch.isEmpty()) {
                            pause(5);
                            continue;
                        }
                        List<SmsSubmitResult> results = gateway.submit(batch);
                        long wait = 0;
                        for (int i = 0; i < results.size(); i++) {
                            switch (results.get(i)) {
                                case SmsSubmitResult.Accepted a -> {
                                    accepted.put(a.messageId(), a.providerMessageId());
                                    settled.incrementAndGet();
                                }
                                case SmsSubmitResult.Rejected r -> settled.incrementAndGet();
                                case SmsSubmitResult.Retry r -> {
                                    retries.incrementAndGet();
                                    wait = Math.max(wait, r.retryAfter() == null ? 20 : r.retryAfter().toMillis());
                                    retry.add(batch.get(i));
                                }
                            }
                        }
                        pause(wait);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            while (sink.finals.size() < accepted.size() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long reported = accepted.values().stream().filter(sink.finals::containsKey).count();
            long delivered = accepted.values().stream()
                    .filter(id -> sink.finals.get(id) == DeliveryReport.Status.DELIVERED).count();
            boolean timedOut = settled.get() < texts.size() || reported < accepted.size();
            return new Run(seconds, reported, delivered, retries.get(), timedOut);
        }
    }

    private static List<OutboundSms> nextBatch(List<String> texts, AtomicInteger next, int size,
                                               ConcurrentLinkedQueue<OutboundSms> retry) {
        List<OutboundSms> batch = new ArrayList<>(size);
        OutboundSms again;
        while (batch.size() < size && (again = retry.poll()) != null) {
            batch.add(again);
        }
        int want = size - batch.size();
        int from = next.getAndAdd(want);
        for (int n = from; n < Math.min(texts.size(), from + want); n++) {
            batch.add(new OutboundSms(n, "+4179" + String.format("%07d", n % 10_000_000), "Bench", texts.get(n),
                    false));
        }
        return batch;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
