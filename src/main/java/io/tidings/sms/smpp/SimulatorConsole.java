package io.tidings.sms.smpp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The simulator as its own process, driven line by line over stdin; every answer is one line on stdout (the
 * {@code received} listing excepted), so a parent can talk to it without a parser.
 *
 * <pre>
 * arguments: --port N (0: any) --receipt-delay-ms N --failure-ratio R --throttle-ratio R --throttle-above N
 *            --manual-receipts --receipt-window N (deliver_sm out before their resp, 32)
 * started:   READY port=N
 * stats                      STATS {"submits":…,"messages":…,"distinct":…,"duplicates":…,…}
 * reset                      OK
 * throttle R                 OK          (share of submits answered ESME_RTHROTTLED from now on)
 * inbound FROM TO BASE64     OK | ERR …  (text is UTF-8, base64 so that any text fits one line)
 * receipt SMSC_ID STAT       OK | ERR unknown id
 * received                   RECEIVED n, then n lines FROM TAB TO TAB PARTS TAB FIRST_ID TAB BASE64, then END
 * quit (or end of stdin)     STATS {…} and exit
 * </pre>
 */
final class SimulatorConsole {

    private SimulatorConsole() {
    }

    static int run(String[] args, InputStream in, PrintStream out) throws IOException {
        JsmppLogging.quiet();
        System.setOut(System.err); // stdout is the protocol: any log line goes to stderr
        int port = 0;
        SmscSimulator.Options options = SmscSimulator.Options.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--receipt-delay-ms" -> options = options.withReceiptDelay(Duration.ofMillis(
                        Long.parseLong(args[++i])));
                case "--failure-ratio" -> options = options.withFailureRatio(Double.parseDouble(args[++i]));
                case "--throttle-ratio" -> options = options.withThrottleRatio(Double.parseDouble(args[++i]));
                case "--throttle-above" -> options = options.withThrottleAbovePerSecond(Integer.parseInt(args[++i]));
                case "--manual-receipts" -> options = options.withAutoReceipts(false);
                case "--receipt-window" -> options = options.withReceiptWindow(Integer.parseInt(args[++i]));
                default -> {
                    System.err.println("smsc-simulator: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        try (SmscSimulator simulator = SmscSimulator.start(port, options)) {
            out.println("READY port=" + simulator.port());
            out.flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.strip().equals("quit")) {
                out.println(answer(simulator, line.strip()));
                out.flush();
            }
            out.println("STATS " + simulator.stats().toJson());
            out.flush();
        }
        return 0;
    }

    private static String answer(SmscSimulator simulator, String line) {
        String[] words = line.split(" ");
        try {
            return switch (words[0]) {
                case "stats" -> "STATS " + simulator.stats().toJson();
                case "reset" -> {
                    simulator.reset();
                    yield "OK";
                }
                case "throttle" -> {
                    simulator.options(simulator.options().withThrottleRatio(Double.parseDouble(words[1])));
                    yield "OK";
                }
                case "inbound" -> {
                    String text = new String(Base64.getDecoder().decode(words[3]), StandardCharsets.UTF_8);
                    simulator.injectInbound(words[1], words[2], text);
                    yield "OK";
                }
                case "receipt" -> simulator.deliverReceipts(words[1], words[2]) ? "OK" : "ERR unknown id " + words[1];
                case "received" -> received(simulator);
                default -> "ERR unknown command " + words[0];
            };
        } catch (IOException | RuntimeException e) {
            return "ERR " + e.getMessage();
        }
    }

    private static String received(SmscSimulator simulator) {
        var messages = simulator.received();
        StringBuilder listing = new StringBuilder("RECEIVED ").append(messages.size());
        Base64.Encoder base64 = Base64.getEncoder();
        for (SmscSimulator.Received m : messages) {
            listing.append('\n').append(m.from()).append('\t').append(m.to()).append('\t').append(m.parts())
                    .append('\t').append(m.smscIds().getFirst()).append('\t')
                    .append(base64.encodeToString(m.text().getBytes(StandardCharsets.UTF_8)));
        }
        return listing.append("\nEND").toString();
    }
}
