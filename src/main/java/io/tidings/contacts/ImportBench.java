package io.tidings.contacts;

import io.tidings.platform.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ./tidings bench import --rows N [--data DIR]}: generates N contacts as CSV, starts a fresh
 * embedded database, imports the file through the same {@link ContactsApi#startImport} the API
 * uses, and prints one JSON line. {@code seconds} covers the import only; {@code peak_heap_mb} is the
 * sum of the heap pools' peaks during it. Before the clock starts, {@code --warmup W} (as many rows as
 * the timed import, at most 200,000; 0 for none) other generated rows are imported the same way and
 * deleted again, so the rate is a running server's,
 * not a fresh JVM's interpreter's (as in the SMS and mail benchmarks), and the timed import still
 * finds an empty contacts table.
 *
 * <p>The application is started through a function the command line passes in, so this module
 * needs nothing from the command-line module (which depends on it).
 */
public final class ImportBench {

    private ImportBench() {
    }

    /**
     * @param offline starts the application without its web server on a data directory
     *                ({@code Cli.offline} from the command line)
     */
    public static int run(String[] args, PrintStream out, Function<String, ConfigurableApplicationContext> offline) {
        PrintStream stdout = System.out;
        System.setOut(System.err); // the one JSON line is the only thing for stdout; logs go to stderr
        try {
            return measure(args, out, offline);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int measure(String[] args, PrintStream out, Function<String, ConfigurableApplicationContext> offline) {
        long rows = -1;
        String dataArg = null;
        long seed = 42;
        long warmup = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println("Usage: ./tidings bench import --rows N [--data DIR] [--seed S] [--warmup W]");
                return 0;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--data" -> dataArg = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Long.parseLong(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rows <= 0 || warmup < -1) {
            throw new IllegalArgumentException("bench import needs --rows N (N > 0) and --warmup W (W >= 0)");
        }
        if (warmup == -1) {
            // measured: after 50,000 rows the compiler threads still spent 1.4 CPU-s in the timed
            // import of a million, after 200,000 rows 0.6
            warmup = Math.min(rows, 200_000);
        }
        try {
            return bench(rows, warmup, dataArg, seed, out, offline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bench(long rows, long warmup, String dataArg, long seed, PrintStream out,
                             Function<String, ConfigurableApplicationContext> offline) throws IOException {
        Path data;
        boolean ours;
        if (dataArg == null) {
            data = Files.createTempDirectory("tidings-bench-");
            ours = true;
        } else {
            data = Path.of(dataArg).toAbsolutePath().normalize();
            ours = !Files.exists(data);
            if (!ours && !isEmptyDirectory(data)) {
                // The benchmark needs a fresh database and must never wipe what it did not make.
                System.err.println("tidings: " + data + " is not empty; give a new or empty directory for the benchmark");
                return 2;
            }
            Files.createDirectories(data);
        }
        try {
            Path csv = data.resolve("bench-contacts.csv");
            BenchCsv.write(csv, rows, seed);
            ImportStatus status;
            double seconds;
            long peakHeap;
            try (ConfigurableApplicationContext ctx = offline.apply(data.toString())) {
                ContactsApi contacts = ctx.getBean(ContactsApi.class);
                if (warmup > 0) {
                    Path warm = data.resolve("bench-warmup.csv");
                    BenchCsv.write(warm, warmup, seed + 1);
                    ImportStatus w = contacts.awaitImport(contacts.startImport(warm, ImportOptions.defaults(), "bench"),
                            Duration.ofHours(1));
                    if (!ImportStatus.DONE.equals(w.status())) {
                        System.err.println("tidings: the warm-up import ended " + w.status() + ": " + w.error());
                        return 1;
                    }
                    // the generated phones repeat from one file to the next: the timed import starts empty
                    ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("truncate contacts cascade").update();
                    Files.delete(warm);
                }
                System.gc();
                resetHeapPeaks();
                java.util.Map<String, Long> threads0 = threadTicks();
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                long id = contacts.startImport(csv, ImportOptions.defaults(), "bench");
                status = contacts.awaitImport(id, Duration.ofHours(2));
                seconds = (System.nanoTime() - t0) / 1e9;
                peakHeap = heapPeaks();
                System.err.printf(Locale.ROOT, "tidings: the import used %.1f CPU-seconds in this JVM%n",
                        (processCpuNanos() - cpu0) / 1e9);
                if (Boolean.getBoolean("tidings.bench.threads")) {
                    java.util.Map<String, Long> threads1 = threadTicks();
                    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
                    threads1.forEach((k, v) -> byName.merge(k.substring(k.indexOf(' ') + 1).replaceAll("[0-9]+", "#"),
                            v - threads0.getOrDefault(k, 0L), Long::sum));
                    byName.forEach((k, v) -> { if (v > 10) System.err.printf(Locale.ROOT, "thread %-28s %6.2f s%n", k, v / 100.0); });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            if (!ImportStatus.DONE.equals(status.status())) {
                System.err.println("tidings: the import ended " + status.status() + ": " + status.error());
                return 1;
            }
            out.println(String.format(Locale.ROOT,
                    "{\"rows\":%d,\"imported\":%d,\"rejected\":%d,\"seconds\":%.3f,\"rows_per_second\":%.0f,\"peak_heap_mb\":%d}",
                    rows, status.imported(), status.rejectedCount(), seconds, rows / seconds, peakHeap >> 20));
            out.flush();
            return 0;
        } finally {
            if (ours) {
                EmbeddedPostgres.stopAndRemove(data);
            } else {
                EmbeddedPostgres.stop(data);
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** tid + " " + name to utime+stime ticks, from /proc (GC and compiler threads included). */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return m;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

}
