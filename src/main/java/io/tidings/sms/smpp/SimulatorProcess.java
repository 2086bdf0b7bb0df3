package io.tidings.sms.smpp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;

/**
 * {@link SmscSimulator} in a JVM of its own, started from this JVM's class path (or from the Tidings jar, through
 * Spring Boot's PropertiesLauncher) and driven with {@link SimulatorConsole}'s commands. The bench uses it so the
 * SMSC's work does not share a heap and JIT with the code being measured; a test uses it to prove the gateway
 * talks to a separate peer over a real socket.
 */
final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final BufferedWriter in;
    private final Path errors;
    private final int port;

    private SimulatorProcess(Process process, Path errors) throws IOException {
        this.process = process;
        this.errors = errors;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        String ready = readLine(30);
        if (ready == null || !ready.startsWith("READY port=")) {
            process.destroyForcibly();
            throw new IOException("simulator did not start: " + ready + "; " + errorTail());
        }
        this.port = Integer.parseInt(ready.substring("READY port=".length()).strip());
    }

    /** Starts {@code java … io.tidings.sms.smpp.SmscSimulator args} and waits for its READY line. */
    /** The simulator's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    static SimulatorProcess start(List<String> args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:+UseParallelGC",
                "-cp", classPath));
        if (isBootJar(classPath)) { // inside ./tidings the classes sit in BOOT-INF: let Boot's launcher load them
            command.add("-Dloader.main=" + SmscSimulator.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(SmscSimulator.class.getName());
        }
        command.addAll(args);
        Path errors = Files.createTempFile("smsc-simulator", ".log");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new SimulatorProcess(process, errors);
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** Sends one command and returns its one-line answer. */
    synchronized String command(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
        String answer = readLine(60);
        if (answer == null) {
            throw new IOException("simulator gave no answer to '" + line + "'; " + errorTail());
        }
        return answer;
    }

    SmscSimulator.Stats stats() throws IOException {
        return parseStats(command("stats"));
    }

    void injectInbound(String from, String to, String text) throws IOException {
        expectOk(command("inbound " + from + " " + to + " "
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    }

    synchronized List<SmscSimulator.Received> received() throws IOException {
        String header = command("received");
        int count = Integer.parseInt(header.substring("RECEIVED ".length()).strip());
        List<SmscSimulator.Received> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] f = readLine(60).split("\t", -1);
            String text = new String(Base64.getDecoder().decode(f[4]), StandardCharsets.UTF_8);
            messages.add(new SmscSimulator.Received(f[0], f[1], text, Integer.parseInt(f[2]), List.of(f[3])));
        }
        String end = readLine(60);
        if (!"END".equals(end)) {
            throw new IOException("received listing did not end: " + end);
        }
        return messages;
    }

    static void expectOk(String answer) throws IOException {
        if (!answer.equals("OK")) {
            throw new IOException("simulator answered " + answer);
        }
    }

    static SmscSimulator.Stats parseStats(String line) {
        String json = line.substring(line.indexOf('{'));
        return new SmscSimulator.Stats(field(json, "submits"), field(json, "messages"), field(json, "distinct"),
                field(json, "duplicates"), field(json, "throttled"), field(json, "rejected"),
                field(json, "receipts_sent"), field(json, "receipts_pending"), field(json, "receipts_dropped"));
    }

    private static long field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        int start = at + name.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }

    private String readLine(int seconds) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, Thread::startVirtualThread);
        try {
            return line.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("simulator silent for " + seconds + " s; " + errorTail(), e);
        }
    }

    private String errorTail() {
        try {
            String text = Files.readString(errors);
            return text.isBlank() ? "no stderr" : "stderr: " + text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "stderr unreadable";
        }
    }

    /** Asks it to quit, and kills it if it does not within a few seconds. */
    @Override
    public void close() {
        try {
            in.write("quit");
            in.newLine();
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(errors);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
