package io.tidings.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's load tools for {@code ./tidings bench mail}: {@code smtp-source} (a fast SMTP client) and
 * {@code smtp-sink} (a fast SMTP server that throws mail away). Nothing is installed: Debian's postfix
 * package is downloaded with {@code apt-get download} and unpacked with {@code dpkg -x} into a scratch
 * folder, then both run with {@code LD_LIBRARY_PATH} pointing at its libraries.
 */
final class MailBenchPostfix {

    private static final Pattern COUNT = Pattern.compile("mesg=(\\d+)");

    private final Path root;

    private MailBenchPostfix(Path root) {
        this.root = root;
    }

    /** Uses an installed Postfix, else the tools unpacked in {@code folder}, else downloads and unpacks them there. */
    static MailBenchPostfix fetch(Path folder) throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/usr/sbin/smtp-source")) && Files.isExecutable(Path.of("/usr/sbin/smtp-sink"))) {
            return new MailBenchPostfix(Path.of("/"));
        }
        Path tools = folder.resolve("root");
        if (!Files.isExecutable(tools.resolve("usr/sbin/smtp-source"))) {
            Files.createDirectories(folder);
            run(folder, List.of("apt-get", "download", "postfix"));
            Path deb;
            try (var files = Files.list(folder)) {
                deb = files.filter(p -> p.getFileName().toString().matches("postfix_.*\\.deb")).findFirst()
                        .orElseThrow(() -> new IOException("apt-get download postfix left no postfix_*.deb in " + folder));
            }
            run(folder, List.of("dpkg", "-x", deb.toString(), tools.toString()));
        }
        return new MailBenchPostfix(tools);
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private ProcessBuilder tool(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("usr/sbin/" + name).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LD_LIBRARY_PATH", root.resolve("usr/lib/postfix").toString());
        return pb;
    }

    /** A running smtp-sink on 127.0.0.1:port that counts what it accepts. */
    Sink sink(int port) throws IOException {
        List<String> args = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            args.addAll(List.of("-u", "nobody"));
        }
        args.addAll(List.of("-c", "127.0.0.1:" + port, "256"));
        Path out = Files.createTempFile("smtp-sink", ".out");
        Process p = tool("smtp-sink", args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new Sink(p, out, port);
    }

    /**
     * Runs smtp-source to 127.0.0.1:port: {@code messages} messages of {@code bytes} bytes over {@code sessions}
     * parallel sessions, several messages per connection. Returns the seconds it took.
     */
    double source(int port, int messages, int sessions, int bytes, String from, String to) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = tool("smtp-source", List.of("-d", "-s", String.valueOf(sessions), "-m", String.valueOf(messages),
                "-l", String.valueOf(bytes), "-f", from, "-t", to, "-M", "bench.example", "127.0.0.1:" + port))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("smtp-source failed: " + output.strip());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The last {@code mesg=N} of smtp-sink's carriage-return counter output; 0 before the first. */
    static long lastCount(String text) {
        Matcher m = COUNT.matcher(text);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /** An smtp-sink process; {@link #received()} reads its running counter. */
    record Sink(Process process, Path output, int port) implements AutoCloseable {

        long received() throws IOException {
            return lastCount(Files.readString(output, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
