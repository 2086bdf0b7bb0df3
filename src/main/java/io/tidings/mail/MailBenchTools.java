package io.tidings.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SMTP baseline for {@code ./tidings bench mail}: Postfix's own load generator {@code smtp-source}
 * sending into its {@code smtp-sink} on loopback, so any figure for Tidings' mail path can be compared
 * with what the machine does with two tiny C programs and nothing else.
 *
 * <p>The tools are taken from the system when Postfix is installed. Otherwise they are unpacked once from
 * Debian's postfix package: {@code apt-get download postfix} in a temporary folder, then {@code dpkg -x}
 * into the cache folder. Nothing is installed, no daemon is started, and the binaries run with
 * {@code LD_LIBRARY_PATH=<cache>/usr/lib/postfix}.
 *
 * <p>Options for {@link #run}: {@code --sessions S} (10 parallel SMTP sessions), {@code --messages N}
 * (10000), {@code --size BYTES} (2048 bytes of body), {@code --reuse} (several messages per connection,
 * {@code smtp-source -d}), {@code --cache DIR} (target/mail-bench-tools). It prints one JSON line.
 */
public final class MailBenchTools {

    /** {@code smtp-sink -c} prints {@code sess=N quit=N mesg=N}, updated in place with carriage returns. */
    private static final Pattern COUNTERS = Pattern.compile("sess=(\\d+) quit=(\\d+) mesg=(\\d+)");

    /** Where the two programs are; {@code libDir} is null when they come from an installed Postfix. */
    public record PostfixTools(Path smtpSource, Path smtpSink, Path libDir) {
    }

    /** One baseline run: how many messages smtp-sink counted and how fast smtp-source got them there. */
    public record Baseline(int sessions, int messages, int sizeBytes, boolean reuse, long received,
                           Duration elapsed, double messagesPerSecond) {
    }

    private MailBenchTools() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        int sessions = 10;
        int messages = 10_000;
        int size = 2048;
        boolean reuse = false;
        Path cache = Path.of("target", "mail-bench-tools");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sessions" -> sessions = positive(args, ++i);
                    case "--messages" -> messages = positive(args, ++i);
                    case "--size" -> size = positive(args, ++i);
                    case "--reuse" -> reuse = true;
                    case "--cache" -> cache = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (use --sessions S --messages N --size BYTES --reuse --cache DIR)");
                }
            }
            Baseline b = baseline(locate(cache), sessions, messages, size, reuse);
            out.println(String.format(Locale.ROOT, "{\"tool\":\"smtp-source -> smtp-sink\",\"sessions\":%d,\"messages\":%d,"
                            + "\"size_bytes\":%d,\"reuse\":%b,\"received\":%d,\"seconds\":%.3f,\"messages_per_second\":%.0f}",
                    b.sessions(), b.messages(), b.sizeBytes(), b.reuse(), b.received(), b.elapsed().toNanos() / 1e9,
                    b.messagesPerSecond()));
            return b.received() == messages ? 0 : 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            out.println("{\"error\":\"" + String.valueOf(e.getMessage()).replace("\\", "/").replace('"', '\'') + "\"}");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** An installed Postfix, else the copy under {@code cache}, else a fresh copy unpacked there. */
    public static PostfixTools locate(Path cache) throws IOException, InterruptedException {
        for (Path dir : List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"))) {
            if (Files.isExecutable(dir.resolve("smtp-source")) && Files.isExecutable(dir.resolve("smtp-sink"))) {
                return new PostfixTools(dir.resolve("smtp-source"), dir.resolve("smtp-sink"), null);
            }
        }
        Path root = cache.toAbsolutePath().resolve("postfix");
        PostfixTools unpacked = new PostfixTools(root.resolve("usr/sbin/smtp-source"), root.resolve("usr/sbin/smtp-sink"),
                root.resolve("usr/lib/postfix"));
        if (Files.isExecutable(unpacked.smtpSource()) && Files.isExecutable(unpacked.smtpSink())) {
            return unpacked;
        }
        Path download = Files.createTempDirectory("tidings-postfix");
        try {
            exec(download, List.of("apt-get", "download", "postfix"), Duration.ofMinutes(3),
                    "apt-get download postfix failed (no network, or run apt-get update first)");
            Path deb;
            try (DirectoryStream<Path> debs = Files.newDirectoryStream(download, "postfix_*.deb")) {
                var it = debs.iterator();
                deb = it.hasNext() ? it.next() : null;
            }
            if (deb == null) {
                throw new IllegalStateException("apt-get download postfix left no postfix_*.deb in " + download);
            }
            Files.createDirectories(root);
            exec(download, List.of("dpkg", "-x", deb.toString(), root.toString()), Duration.ofMinutes(1),
                    "dpkg -x of " + deb.getFileName() + " failed");
        } finally {
            deleteTree(download);
        }
        if (!Files.isExecutable(unpacked.smtpSource()) || !Files.isExecutable(unpacked.smtpSink())) {
            throw new IllegalStateException("the postfix package holds no smtp-source and smtp-sink under " + root);
        }
        return unpacked;
    }

    /**
     * Starts smtp-sink on a free loopback port, times smtp-source sending {@code messages} messages of
     * {@code size} body bytes over {@code sessions} parallel sessions, and reads smtp-sink's message count.
     */
    public static Baseline baseline(PostfixTools tools, int sessions, int messages, int size, boolean reuse)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> sink = new ArrayList<>(List.of(tools.smtpSink().toString(), "-c", "-h", "sink.tidings.bench"));
        if (isRoot()) {
            sink.addAll(List.of("-u", "nobody")); // smtp-sink refuses to keep root privileges
        }
        sink.addAll(List.of("127.0.0.1:" + port, "256"));
        Process sinkProcess = start(tools, sink, ProcessBuilder.Redirect.PIPE);
        AtomicReference<long[]> counters = new AtomicReference<>(new long[3]);
        Thread reader = Thread.ofPlatform().daemon().name("smtp-sink-counters")
                .start(() -> readCounters(sinkProcess.getInputStream(), counters));
        try {
            awaitListening(port, sinkProcess);
            List<String> source = new ArrayList<>(List.of(tools.smtpSource().toString(), "-s", String.valueOf(sessions),
                    "-m", String.valueOf(messages), "-l", String.valueOf(size), "-M", "source.tidings.bench",
                    "-f", "bench@source.tidings.bench", "-t", "sink@sink.tidings.bench"));
            if (reuse) {
                source.add("-d");
            }
            source.add("127.0.0.1:" + port);
            long started = System.nanoTime();
            Process sourceProcess = start(tools, source, ProcessBuilder.Redirect.DISCARD);
            String errors = new String(sourceProcess.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!sourceProcess.waitFor(30, TimeUnit.MINUTES) || sourceProcess.exitValue() != 0) {
                sourceProcess.destroyForcibly();
                throw new IllegalStateException("smtp-source failed: " + errors);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            // the sink counts "." as it sees it; give it a moment to print the last one
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (counters.get()[2] < messages && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            long received = counters.get()[2];
            return new Baseline(sessions, messages, size, reuse, received, elapsed,
                    messages / Math.max(elapsed.toNanos() / 1e9, 1e-9));
        } finally {
            sinkProcess.destroy();
            if (!sinkProcess.waitFor(5, TimeUnit.SECONDS)) {
                sinkProcess.destroyForcibly();
            }
            reader.join(1000);
        }
    }

    /** The last {@code sess quit mesg} triple in smtp-sink's output. */
    static long[] lastCounters(String output) {
        Matcher m = COUNTERS.matcher(output);
        long[] last = null;
        while (m.find()) {
            last = new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
        }
        return last == null ? new long[3] : last;
    }

    private static void readCounters(InputStream in, AtomicReference<long[]> counters) {
        byte[] buffer = new byte[8192];
        StringBuilder tail = new StringBuilder();
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                tail.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                int cut = Math.max(tail.lastIndexOf("\r"), tail.lastIndexOf("\n"));
                if (cut >= 0) {
                    long[] c = lastCounters(tail.substring(0, cut));
                    if (c[2] > 0 || c[0] > 0) {
                        counters.set(c);
                    }
                    tail.delete(0, cut + 1);
                }
            }
        } catch (IOException sinkStopped) {
            // the sink was stopped; the last counters stand
        }
    }

    private static Process start(PostfixTools tools, List<String> command, ProcessBuilder.Redirect stdout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout);
        if (stdout == ProcessBuilder.Redirect.PIPE) {
            pb.redirectErrorStream(true);
        }
        if (tools.libDir() != null) {
            pb.environment().put("LD_LIBRARY_PATH", tools.libDir().toString());
        }
        return pb.start();
    }

    private static void awaitListening(int port, Process sink) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            if (!sink.isAlive()) {
                throw new IllegalStateException("smtp-sink stopped at once (exit " + sink.exitValue() + ")");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("smtp-sink did not listen on 127.0.0.1:" + port + " within 5 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException | InterruptedException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void exec(Path dir, List<String> command, Duration limit, String failure)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(failure + ": " + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        try {
            int n = Integer.parseInt(value(args, i));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the sentence below says what is wanted
        }
        throw new IllegalArgumentException(args[i - 1] + " needs a whole number above 0");
    }
}
