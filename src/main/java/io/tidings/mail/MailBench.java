package io.tidings.mail;

import io.tidings.dispatch.DispatchApi;
import io.tidings.dispatch.MessageState;
import io.tidings.dispatch.OutgoingMessage;
import io.tidings.platform.EmbeddedPostgres;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.threads.MessageKind;
import io.tidings.threads.MessagePage;
import io.tidings.threads.RecordRef;
import io.tidings.threads.ThreadsApi;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code ./tidings bench mail --messages N}: mail out and in, each against Postfix's own load tools on loopback.
 * <ol>
 *   <li><b>Outgoing.</b> N personalised emails are enqueued on the dispatch queue's {@code email} channel; the
 *   workers DKIM-sign them and send them over pooled SMTP connections into {@code smtp-sink}. The rate runs from
 *   the first enqueue until every message is sent; {@code lost} counts what the sink did not receive.
 *   Baseline: {@code smtp-source} into {@code smtp-sink} with the same count and size.</li>
 *   <li><b>Incoming.</b> {@code smtp-source} sends N replies to a lead's reply address into Tidings' inbound SMTP
 *   server, where each is stored, parsed and routed into the lead's thread. Baseline: the same load into
 *   {@code smtp-sink}.</li>
 * </ol>
 * Before each clock starts, {@code --warmup W} (500; 0 for none) emails go the same way (out, then in), so the rate
 * is a running server's, not a fresh JVM's interpreter's; they count neither in the rate nor in {@code lost}.
 * Prints one JSON line; exits 1 when anything was lost. Options: {@code --messages N} (5000), {@code --sessions S}
 * (4, smtp-source's parallel sessions), {@code --in-only} (the incoming phase alone), {@code --max-seconds T} (300), {@code --data DIR} (a fresh temporary
 * directory, removed afterwards), {@code --tools DIR} (where Postfix's tools are unpacked; default a folder
 * under the system's temporary directory, kept for the next run).
 */
public final class MailBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String[] NAMES = {"Anna Ek", "Björn Berg", "José Ruiz", "Zoë Smit", "李雷", "Søren Dal",
            "Ελένη", "Mohammed Ali", "Łukasz Nowak", "Chloé Roy"};

    private MailBench() {
    }

    public static int run(String[] args, PrintStream out, Function<List<String>, ConfigurableApplicationContext> start) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // the one JSON line is the only thing for stdout
        try {
            return measure(args, out, start);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int measure(String[] args, PrintStream out, Function<List<String>, ConfigurableApplicationContext> start) {
        int messages = 5_000;
        int warmup = 500;
        boolean inOnly = false;
        int sessions = 4;
        int maxSeconds = 300;
        String dataArg = null;
        Path toolsDir = Path.of(System.getProperty("java.io.tmpdir"), "tidings-postfix-tools");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i].replace("_", ""));
                case "--warmup" -> warmup = Integer.parseInt(args[++i].replace("_", ""));
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(args[++i]);
                case "--data" -> dataArg = args[++i];
                case "--tools" -> toolsDir = Path.of(args[++i]);
                case "--in-only" -> inOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (messages < 1 || sessions < 1 || warmup < 0) {
            throw new IllegalArgumentException("--messages and --sessions must be at least 1, --warmup at least 0");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        Path data = null;
        try {
            MailBenchPostfix postfix = MailBenchPostfix.fetch(toolsDir);
            data = dataArg != null ? Path.of(dataArg) : Files.createTempDirectory("tidings-mail-bench");
            int sinkPort = freePort();
            int inboundPort = freePort();
            try (MailBenchPostfix.Sink sink = postfix.sink(sinkPort);
                 ConfigurableApplicationContext ctx = start.apply(List.of("--tidings.data-dir=" + data,
                         "--tidings.mail.smtp-url=smtp://127.0.0.1:" + sinkPort, "--tidings.mail.domain=bench.tidings.test",
                         "--tidings.mail.inbound.port=" + inboundPort, "--tidings.mail.inbound.bind=127.0.0.1",
                         "--tidings.dispatch.batch-size=500",
                         // a relay of one's own (Postfix here) takes many connections; see ADR 0013 for hosted ones
                         "--tidings.mail.smtp.pool-size=8"))) {
                return inOnly ? incomingOnly(ctx, postfix, inboundPort, messages, warmup, sessions, deadline, out)
                        : benchmark(ctx, postfix, sink, inboundPort, messages, warmup, sessions, deadline, out);
            }
        } catch (IOException | RuntimeException e) {
            out.println("{\"error\":" + JSON.writeValueAsString(String.valueOf(e.getMessage())) + "}");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (data != null && dataArg == null) {
                EmbeddedPostgres.stopAndRemove(data);
            }
        }
    }

    private static int benchmark(ConfigurableApplicationContext ctx, MailBenchPostfix postfix, MailBenchPostfix.Sink sink,
                                 int inboundPort, int messages, int warmup, int sessions, long deadline, PrintStream out)
            throws IOException, InterruptedException {
        MailApi mail = ctx.getBean(MailApi.class);
        DispatchApi dispatch = ctx.getBean(DispatchApi.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String domain = mail.settings().domain();
        mail.dkimKey(); // made before the clock starts, as on any running server

        // 1. Outgoing: personalised, DKIM-signed, through the dispatch queue into smtp-sink. A running server's
        // code is compiled and its connections are open; a fresh JVM's first hundreds of signatures run
        // interpreted, so a warm-up round goes first, outside the clock (and outside lost).
        if (warmup > 0) {
            long warmBefore = finished(dispatch);
            enqueueOutgoing(dispatch, "warm-" + run, domain, warmup);
            awaitOutgoing(dispatch, warmBefore, warmup, deadline);
            for (int i = 0; i < 100 && sink.received() < warmup; i++) {
                Thread.sleep(20); // the sink's counter is written as it goes: all warm-up mail counted before the run
            }
        }
        long sentBefore = dispatch.counts("email").get(MessageState.SENT);
        long failedBefore = dispatch.counts("email").get(MessageState.FAILED);
        long finishedBefore = finished(dispatch);
        long receivedBefore = sink.received();
        long t0 = System.nanoTime();
        long bytes = enqueueOutgoing(dispatch, run, domain, messages);
        awaitOutgoing(dispatch, finishedBefore, messages, deadline);
        double outSeconds = (System.nanoTime() - t0) / 1e9;
        Map<MessageState, Long> outCounts = dispatch.counts("email");
        long sent = outCounts.get(MessageState.SENT) + outCounts.get(MessageState.DELIVERED) - sentBefore;
        long failed = outCounts.get(MessageState.FAILED) - failedBefore;
        Thread.sleep(200); // the sink's counter is written as it goes
        long outReceived = sink.received() - receivedBefore;
        long outLost = messages - Math.min(messages, outReceived);

        int size = (int) Math.max(200, bytes / messages + 900); // body plus the headers Tidings writes
        double outBaseline = baseline(postfix, messages, sessions, size);

        // 2. Incoming: replies to a lead's reply address, into Tidings' inbound server.
        Incoming in = incoming(ctx, postfix, inboundPort, messages, warmup, sessions, size, run, deadline);
        double inSeconds = in.seconds();
        long stored = in.stored();
        long routedReplies = in.inThread();
        long inLost = in.lost();
        double inBaseline = in.baseline();

        double outRate = messages / outSeconds;
        double inRate = messages / inSeconds;
        out.println(String.format(Locale.ROOT, "{\"messages\":%d,\"outgoing_per_second\":%.0f,"
                        + "\"outgoing_baseline_per_second\":%.0f,\"outgoing_ratio\":%.2f,\"incoming_per_second\":%.0f,"
                        + "\"incoming_baseline_per_second\":%.0f,\"incoming_ratio\":%.2f,\"lost\":%d,"
                        + "\"outgoing_seconds\":%.3f,\"incoming_seconds\":%.3f,\"outgoing_sent\":%d,\"outgoing_failed\":%d,"
                        + "\"outgoing_received_by_sink\":%d,\"incoming_stored\":%d,\"incoming_in_thread\":%d,"
                        + "\"sessions\":%d,\"message_bytes\":%d,"
                        + "\"dkim\":true,\"outgoing_warmup\":%d,\"incoming_warmup\":%d}",
                messages, outRate, outBaseline, outRate / outBaseline, inRate, inBaseline, inRate / inBaseline,
                outLost + inLost, outSeconds, inSeconds, sent, failed, outReceived, stored, routedReplies, sessions, size, warmup, warmup));
        return outLost + inLost == 0 ? 0 : 1;
    }

    /** {@code --in-only}: the incoming phase alone, for working on the MX; the same fields, outgoing ones left out. */
    private static int incomingOnly(ConfigurableApplicationContext ctx, MailBenchPostfix postfix, int inboundPort, int messages,
                                    int warmup, int sessions, long deadline, PrintStream out) throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long bytes = 0;
        for (int i = 0; i < messages; i++) {
            bytes += ("Hello " + NAMES[i % NAMES.length] + ",\n\nyour order " + (100_000 + i)
                    + " left our warehouse today and should reach you within two days.\n"
                    + "Track it any time from your account page.\n\nThank you for shopping with us.\n").length();
        }
        int size = (int) Math.max(200, bytes / messages + 900); // the outgoing phase's bodies and headers
        Incoming in = incoming(ctx, postfix, inboundPort, messages, warmup, sessions, size, run, deadline);
        double inRate = messages / in.seconds();
        out.println(String.format(Locale.ROOT, "{\"messages\":%d,\"incoming_per_second\":%.0f,"
                        + "\"incoming_baseline_per_second\":%.0f,\"incoming_ratio\":%.2f,\"lost\":%d,\"incoming_seconds\":%.3f,"
                        + "\"incoming_stored\":%d,\"incoming_in_thread\":%d,\"sessions\":%d,\"message_bytes\":%d}",
                messages, inRate, in.baseline(), inRate / in.baseline(), in.lost(), in.seconds(), in.stored(), in.inThread(),
                sessions, size));
        return in.lost() == 0 ? 0 : 1;
    }

    /** What the incoming phase measured. {@code inThread} counts the lead's thread messages, not route labels. */
    private record Incoming(double seconds, long stored, long inThread, long lost, double baseline) {
    }

    /** smtp-source sends replies to a fresh lead's reply address; timed until every one is routed. */
    private static Incoming incoming(ConfigurableApplicationContext ctx, MailBenchPostfix postfix, int inboundPort,
                                     int messages, int warmup, int sessions, int size, String run, long deadline)
            throws IOException, InterruptedException {
        MailApi mail = ctx.getBean(MailApi.class);
        if (warmup > 0) {
            // as for outgoing: a running server's MX code is compiled; a fresh JVM's first mails run interpreted
            long warmLead = ctx.getBean(RecordsApi.class).createLead(NewLead.named("Mail bench warm-up " + run)).id();
            Map<String, Long> warmBefore = mail.inboundCounts();
            postfix.source(inboundPort, warmup, sessions, size, "warm-" + run + "@bench.example",
                    mail.tokens().replyAddress(RecordRef.lead(warmLead)));
            while (routed(mail.inboundCounts()) - routed(warmBefore) < warmup && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        long lead = ctx.getBean(RecordsApi.class).createLead(NewLead.named("Mail bench " + run)).id();
        String replyTo = mail.tokens().replyAddress(RecordRef.lead(lead));
        Map<String, Long> before = mail.inboundCounts();
        long t1 = System.nanoTime();
        postfix.source(inboundPort, messages, sessions, size, "customer-" + run + "@bench.example", replyTo);
        Map<String, Long> after = mail.inboundCounts();
        while (routed(after) - routed(before) < messages && System.nanoTime() < deadline) {
            Thread.sleep(5); // routing after 250 is done by then unless a crash left some for the sweep
            after = mail.inboundCounts();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        long stored = total(after) - total(before);
        long inThread = threadMessages(ctx.getBean(ThreadsApi.class), RecordRef.lead(lead));
        long lost = messages - Math.min(messages, stored);
        double baseline = baseline(postfix, messages, sessions, size);
        return new Incoming(seconds, stored, inThread, lost, baseline);
    }

    /** The email_in messages really in the record's thread. */
    private static long threadMessages(ThreadsApi threads, RecordRef ref) {
        long n = 0;
        Long before = null;
        do {
            MessagePage page = threads.messages(ref, before, ThreadsApi.MAX_PAGE);
            n += page.messages().stream().filter(m -> m.kind() == MessageKind.EMAIL_IN).count();
            before = page.nextBefore();
        } while (before != null);
        return n;
    }

    /** N personalised transactional emails on the {@code email} channel; returns the body bytes. */
    private static long enqueueOutgoing(DispatchApi dispatch, String run, String domain, int messages) {
        List<OutgoingMessage> batch = new ArrayList<>(1_000);
        long bytes = 0;
        for (int i = 0; i < messages; i++) {
            String to = "reader" + i + "-" + run + "@bench.example";
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("to", to);
            p.put("subject", "Your order " + (100_000 + i) + " has shipped");
            String body = "Hello " + NAMES[i % NAMES.length] + ",\n\nyour order " + (100_000 + i)
                    + " left our warehouse today and should reach you within two days.\n"
                    + "Track it any time from your account page.\n\nThank you for shopping with us.\n";
            p.put("body", body);
            p.put("messageId", "<bench-" + run + "-" + i + "@" + domain + ">");
            bytes += body.length();
            batch.add(OutgoingMessage.of("email", to, JSON.writeValueAsString(p), "mail-bench-" + run + "-" + i));
            if (batch.size() == 1_000) {
                dispatch.enqueueAll(batch);
                batch.clear();
            }
        }
        dispatch.enqueueAll(batch);
        return bytes;
    }

    /** Waits until {@code messages} more emails than {@code before} are sent or failed (or the deadline passes). */
    private static void awaitOutgoing(DispatchApi dispatch, long before, int messages, long deadline)
            throws InterruptedException {
        // every poll is a count over the queue in the same database the workers use: often enough to time
        // the run to a few milliseconds, seldom enough not to compete with what it measures
        while (System.nanoTime() < deadline && finished(dispatch) - before < messages) {
            Thread.sleep(10);
        }
    }

    private static long finished(DispatchApi dispatch) {
        Map<MessageState, Long> counts = dispatch.counts("email");
        return counts.get(MessageState.SENT) + counts.get(MessageState.DELIVERED) + counts.get(MessageState.FAILED);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long routed(Map<String, Long> counts) {
        return total(counts) - counts.getOrDefault("pending", 0L);
    }

    /** smtp-source into a fresh smtp-sink: messages per second. */
    private static double baseline(MailBenchPostfix postfix, int messages, int sessions, int size)
            throws IOException, InterruptedException {
        int port = freePort();
        try (MailBenchPostfix.Sink sink = postfix.sink(port)) {
            waitForPort(port);
            double seconds = postfix.source(port, messages, sessions, size, "baseline@bench.example", "sink@bench.example");
            return messages / seconds;
        }
    }

    private static void waitForPort(int port) throws InterruptedException, IOException {
        for (int i = 0; i < 200; i++) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        throw new IOException("smtp-sink did not listen on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
