package io.tidings.sms.smpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of the processes a bench runs (this JVM, the SMSC simulator, the embedded PostgreSQL server and its
 * backends), read from the operating system. On a shared machine wall-clock rates swing with the load; CPU per
 * message does not, so the bench prints it beside the rate. PostgreSQL's share is found through /proc (Linux): the
 * postmaster whose command line names the data directory, and its children; elsewhere it reads 0.
 */
final class CpuMeter {

    /** CPU seconds so far, per process group. */
    record Reading(double jvm, double simulator, double postgres) {

        Reading minus(Reading earlier) {
            return new Reading(jvm - earlier.jvm, simulator - earlier.simulator, postgres - earlier.postgres);
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final ProcessHandle simulator;
    private final Path dataDir;

    CpuMeter(ProcessHandle simulator, Path dataDir) {
        this.simulator = simulator;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    Reading read() {
        return new Reading(seconds(ProcessHandle.current()), seconds(simulator), postgres());
    }

    private static double seconds(ProcessHandle p) {
        return p == null ? 0 : p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    private double postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        Set<Long> masters = new HashSet<>();
        long ticks = 0;
        try (Stream<Path> all = Files.list(proc)) {
            for (Path p : all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String cmd = read(p.resolve("cmdline")).replace('\0', ' ');
                if (cmd.contains("postgres") && cmd.contains(dataDir.toString())) {
                    masters.add(Long.parseLong(p.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        try (Stream<Path> all = Files.list(proc)) {
            for (Path p : all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat = read(p.resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (close < 0) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                long pid = Long.parseLong(p.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (masters.contains(pid) || masters.contains(ppid)) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks / TICKS;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
