package io.tidings.sms.smpp;

import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.NewContact;
import io.tidings.credits.CreditsApi;
import io.tidings.credits.Reservation;
import io.tidings.dispatch.Traffic;
import io.tidings.platform.EmbeddedPostgres;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProvidersApi;
import io.tidings.sms.SmsRate;
import io.tidings.sms.SmsSendStatus;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * {@code ./tidings bench sms --messages N}: the whole send path against {@link SmscSimulator} in a
 * separate process. On a fresh embedded database it creates N contacts (tagged, with a first name and a
 * code), tops up credits, registers an {@code smpp} provider with a rate for their country, and sends one
 * personalised transactional send to the tag through {@link SmsApi#send}: plan, reserve, enqueue, dispatch
 * workers, {@code SmsChannel}, SMPP, receipts, settlement. {@code seconds} runs from the send call until
 * the send is settled. Before it, uncounted warm-up sends ({@code --warmup W}, 5000 other contacts; up to
 * {@code --warmup-rounds R}, 10, until the JIT compiles for less than a tenth of a round) run the same path so the
 * JIT has compiled it. The bare jsmpp baseline runs afterwards on the same N texts, after as many rounds of its own
 * on the warm-up's texts. {@code cpu_us_per_message} is the CPU time of this JVM (Tidings and the bench), of
 * PostgreSQL and of the simulator during the timed send, per message: steadier than the rate on a shared machine. Prints one JSON line
 * with the gateway bench's fields plus the send's; exits 1 when anything was lost, duplicated, left
 * unsettled, or charged differently from its preview.
 *
 * <p>Options: {@code --messages N} (2000), {@code --window W} (64), {@code --max-seconds T} (300),
 * {@code --receipt-delay-ms D} (0), {@code --receipt-window R} (32: the simulator's receipts out before their
 * deliver_sm_resp; Tidings acknowledges a receipt once it is committed, so this bounds receipts per commit),
 * {@code --data DIR} (a fresh temporary directory, removed afterwards), {@code --pg-stats} (embedded PostgreSQL with
 * pg_stat_statements; the timed send's top statements go to stderr).
 */
public final class SmsSendBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String[] NAMES = {"Anna Ek", "Björn Berg", "José Ruiz", "Zoë Smit", "李雷 Li", "Søren Dal",
            "Ελένη Pap", "Mohammed Ali", "Łukasz Nowak", "Chloé Roy"};

    private static final int BASE = ThreadLocalRandom.current().nextInt(0, 4_000_000);

    private SmsSendBench() {
    }

    /**
     * @param start starts the application with its dispatch workers and without a web server on a data directory,
     *              with extra {@code --name=value} arguments
     */
    public static int run(String[] args, PrintStream out, Function<List<String>, ConfigurableApplicationContext> start) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // the one JSON line is the only thing for stdout; logs go to stderr
        try {
            return measure(args, out, start);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int measure(String[] args, PrintStream out, Function<List<String>, ConfigurableApplicationContext> start) {
        int messages = 2_000;
        int window = 64;
        int maxSeconds = 300;
        int receiptDelayMs = 0;
        int receiptWindow = 32;
        int warmup = 5_000;
        int warmupRounds = 10;
        boolean pgStats = false;
        String dataArg = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> {
                }
                case "--messages" -> messages = Integer.parseInt(args[++i].replace("_", ""));
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(args[++i]);
                case "--receipt-delay-ms" -> receiptDelayMs = Integer.parseInt(args[++i]);
                case "--receipt-window" -> receiptWindow = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i].replace("_", ""));
                case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                case "--pg-stats" -> pgStats = true;
                case "--data" -> dataArg = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (pgStats) {
            System.setProperty(EmbeddedPostgres.EXTRA_SETTINGS,
                    "shared_preload_libraries=pg_stat_statements;pg_stat_statements.track_planning=on");
        }
        JsmppLogging.quiet();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        Path data = null;
        try {
            data = dataArg != null ? Path.of(dataArg) : Files.createTempDirectory("tidings-sms-bench");
            try (SimulatorProcess smsc = SimulatorProcess.start(List.of("--port", "0", "--receipt-delay-ms",
                    String.valueOf(receiptDelayMs), "--receipt-window", String.valueOf(receiptWindow)));
                 ConfigurableApplicationContext ctx = start.apply(List.of("--tidings.data-dir=" + data,
                         "--tidings.dispatch.batch-size=500",
                         "--tidings.sms.pending-interval=200ms"))) {
                return benchmark(ctx, smsc, new CpuMeter(smsc.handle(), data), messages, warmup, warmupRounds, window,
                        pgStats, deadline, out);
            }
        } catch (IOException | RuntimeException e) {
            out.println("{\"error\":\"" + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
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

    private static int benchmark(ConfigurableApplicationContext ctx, SimulatorProcess smsc, CpuMeter cpu, int messages,
                                 int warmup, int warmupRounds, int window, boolean pgStats, long deadline,
                                 PrintStream out) throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "bench-" + run;
        String warmupTag = "bench-warmup-" + run;
        createContacts(ctx.getBean(ContactsApi.class), messages, tag, 0);
        createContacts(ctx.getBean(ContactsApi.class), warmup, warmupTag, messages);
        ctx.getBean(CreditsApi.class).topUp(CreditsApi.DEFAULT_ACCOUNT, 2L * (messages + (long) warmup * warmupRounds) + 10,
                "bench-" + run);
        SmsProvidersApi providers = ctx.getBean(SmsProvidersApi.class);
        SmsApi sms = ctx.getBean(SmsApi.class);
        SmsProvider smpp = providers.add("smpp", "bench-smsc-" + run, JSON.readTree("{\"host\":\"127.0.0.1\",\"port\":"
                + smsc.port() + ",\"systemId\":\"tidings\",\"password\":\"secret\",\"sourceAddress\":\"Tidings\","
                + "\"windowSize\":" + window + "}"), true);
        sms.saveRate(new SmsRate(null, smpp.id(), "CH", "transactional", "alphanumeric", 0, 50_000, "CHF"));
        while (!providers.gateway(smpp.id()).up()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the SMPP provider did not bind");
            }
            Thread.sleep(20);
        }
        // Warm-up, not counted: the same path with other contacts, so that neither side is measured while the JIT is
        // still compiling it (a server runs for weeks). Rounds of the warm-up send go on (at most --warmup-rounds)
        // until the JIT compiled for less than a tenth of a round; the bare baseline gets as many rounds below.
        List<String> warmupTexts = List.of();
        int rounds = 0;
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        while (warmup > 0 && rounds < warmupRounds) {
            SimulatorProcess.expectOk(smsc.command("reset"));
            long jitBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            SendReceipt warm = sms.send(request(warmupTag), "bench");
            settled(sms, warm.sendId(), deadline);
            rounds++;
            long roundMs = (System.nanoTime() - roundStart) / 1_000_000;
            long jitMs = jit.getTotalCompilationTime() - jitBefore;
            System.err.println("bench sms: warm-up round " + rounds + " took " + roundMs + " ms, JIT " + jitMs + " ms");
            warmupTexts = texts(ctx, warm.sendId());
            if (jitMs * 10 < roundMs) {
                break;
            }
        }
        if (rounds > 0) {
            System.err.println("bench sms: JIT quiet after " + jitQuiet(deadline) + " ms");
        }
        SimulatorProcess.expectOk(smsc.command("reset"));

        if (pgStats) { // statement statistics of the timed send only
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
        }
        long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        System.err.println("bench sms: timed send starts at " + java.time.LocalTime.now() + ", uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        CpuMeter.Reading cpu0 = cpu.read();
        long t0 = System.nanoTime();
        SendReceipt receipt = sms.send(request(tag), "bench");
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        settled(sms, receipt.sendId(), deadline);
        double seconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading used = cpu.read().minus(cpu0);
        SmsSendStatus status = sms.sendStatus(receipt.sendId());
        System.err.println("bench sms: timed send settled at " + java.time.LocalTime.now() + ", JIT compiled for "
                + (java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0)
                + " ms meanwhile, uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        if (pgStats) {
            var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            System.err.println("bench sms: statements of the timed send, by time (exec ms, plan ms, calls, rows, WAL MB):");
            for (var row : jdbc.sql("select round(total_exec_time::numeric, 0) as exec_ms, "
                    + "round(total_plan_time::numeric, 0) as plan_ms, calls, rows, round(wal_bytes / 1e6, 1) as wal_mb, "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 200) as query from pg_stat_statements "
                    + "order by total_exec_time + total_plan_time desc limit 25").query().listOfRows()) {
                System.err.println("  " + row);
            }
        }
        SmscSimulator.Stats stats = smsc.stats();
        boolean aborted = status.state().equals("sending");

        List<String> texts = texts(ctx, receipt.sendId());
        for (int i = 0; i < rounds; i++) {
            SimulatorProcess.expectOk(smsc.command("reset"));
            RawBaseline.run(smsc.port(), warmupTexts, window, deadline);
        }
        SimulatorProcess.expectOk(smsc.command("reset"));
        RawBaseline.Run baseline = RawBaseline.run(smsc.port(), texts, window, deadline);
        double baselineRate = baseline.seconds() > 0 ? baseline.accepted() / baseline.seconds() : 0;

        long delivered = status.messages().get("delivered");
        long finished = delivered + status.messages().get("failed") + status.messages().get("rejected");
        long lost = messages - Math.min(stats.distinct(), finished);
        Reservation r = ctx.getBean(CreditsApi.class).reservation(receipt.sendId()).orElseThrow();
        double rate = seconds > 0 ? messages / seconds : 0;
        out.println(String.format(Locale.ROOT, "{\"messages\":%d,\"seconds\":%.3f,\"messages_per_second\":%.0f,"
                        + "\"baseline_messages_per_second\":%.0f,\"ratio\":%.2f,\"delivered\":%d,\"lost\":%d,"
                        + "\"duplicated\":%d,\"window\":%d,\"retries\":%d,\"aborted\":%b,\"mode\":\"full\","
                        + "\"send_seconds\":%.3f,\"state\":\"%s\",\"credits_previewed\":%d,\"credits_charged\":%d,"
                        + "\"warmup\":%d,\"warmup_rounds\":%d,\"cpu_us_per_message\":{\"tidings\":%.0f,\"postgres\":%.0f,"
                        + "\"simulator\":%.0f}}",
                messages, seconds, rate, baselineRate, baselineRate > 0 ? rate / baselineRate : 0, delivered, lost,
                stats.duplicates(), window, stats.throttled(), aborted, sendSeconds, status.state(),
                receipt.preview().credits(), r.charged(), warmup, rounds, used.jvm() * 1e6 / messages,
                used.postgres() * 1e6 / messages, used.simulator() * 1e6 / messages));
        boolean exact = r.charged() == receipt.preview().credits();
        return lost == 0 && stats.duplicates() == 0 && !aborted && status.state().equals("settled") && exact ? 0 : 1;
    }

    /**
     * Waits (at most 20 s) until the JIT compiler has been idle for half a second: right after the warm-up it is
     * still compiling what the warm-up made hot, on one of the machine's two cores.
     */
    private static long jitQuiet(long deadline) throws InterruptedException {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() - start < 20_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = jit.getTotalCompilationTime();
            if (now - before < 10) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Every text of a send, in id order (the API's log stops at 1,000), for the baseline to send the same. */
    private static List<String> texts(ConfigurableApplicationContext ctx, String sendId) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select text from sms_messages where send_id = :id order by id").param("id", sendId)
                .query(String.class).list();
    }

    private static SendRequest request(String tag) {
        return new SendRequest(null, null, null, tag, "Hello {{contact.first_name}}, your code is {{contact.code}}",
                null, null, null, Traffic.TRANSACTIONAL, "intl", false, null, null, false);
    }

    /** Waits on the state alone (a primary-key read every 5 ms: counting the messages would load the database). */
    private static void settled(SmsApi sms, String sendId, long deadline) throws InterruptedException {
        while (sms.sendState(sendId).equals("sending") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Swiss mobiles (+41 79 …) from a random base (plus {@code offset}), so a reused data directory gets new
     * numbers.
     */
    private static void createContacts(ContactsApi contacts, int count, String tag, int offset)
            throws InterruptedException {
        if (count == 0) {
            return;
        }
        int base = BASE + offset;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int i = n;
                done.add(pool.submit(() -> contacts.create(new NewContact(NAMES[i % NAMES.length], null,
                        "+4179" + String.format("%07d", base + i), "CH", null, null, null, List.of(tag),
                        Map.of("code", String.valueOf(100_000 + offset + i))))));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("could not create a bench contact: " + e.getCause().getMessage(), e);
                }
            }
        }
    }

}
