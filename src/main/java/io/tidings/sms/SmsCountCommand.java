package io.tidings.sms;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code tidings sms count}: counts one text given on the command line, or, with {@code --jsonl}, a stream of JSON
 * requests on standard input (see {@link JsonlCounter}).
 *
 * <p>Exit codes: 0 counted, 1 the text cannot be counted (or the stream could not be read or written),
 * 2 wrong usage.
 */
public final class SmsCountCommand {

    static final String USAGE = """
            Usage: tidings sms count [options] [--] TEXT...
                   tidings sms count --jsonl < requests.jsonl

            Counts the SMS segments TEXT costs (words are joined with single spaces).

              --smart                replace look-alikes (curly quotes, dashes, ...) with GSM characters first
              --profile intl|cn      billing profile (default intl: GSM-7/UCS-2 segments)
              --signature NAME       sender signature, required by cn (3-12 characters, Chinese, may mix a-z 0-9)
              --unsubscribe TEXT     opt-out text appended under cn, e.g. 回T退订
              --jsonl                read {"text", "profile", "smart", "signature", "unsubscribe"} lines on
                                     standard input, write {"encoding","segments","characters"} or {"error"} lines
              --help                 show this help
            """;

    private SmsCountCommand() {
    }

    /**
     * Runs {@code tidings sms count} with the arguments after {@code count}.
     *
     * <p>With {@code ["--jsonl"]} it answers each UTF-8 line of {@code in} with exactly one line on {@code out}, in
     * order: {@code {"encoding":"GSM-7"|"UCS-2","segments":N,"characters":N}} or {@code {"error":"reason"}} (see
     * {@link SmsCount#characters()} for what is counted). Output is buffered and flushed at the end.
     *
     * @return the process exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean jsonl = false;
        boolean smart = false;
        String profile = "intl";
        String signature = null;
        String unsubscribe = null;
        List<String> words = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!options || !(arg.startsWith("--") || arg.equals("-h"))) {
                words.add(arg);
                continue;
            }
            switch (arg) {
                case "--" -> options = false;
                case "--help", "-h" -> {
                    out.print(USAGE);
                    out.flush();
                    return 0;
                }
                case "--jsonl" -> jsonl = true;
                case "--smart" -> smart = true;
                case "--profile", "--signature", "--unsubscribe" -> {
                    if (i + 1 == args.length) {
                        return usage(err, arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--profile" -> profile = value;
                        case "--signature" -> signature = value;
                        default -> unsubscribe = value;
                    }
                }
                default -> {
                    return usage(err, "unknown option " + arg + " (a text starting with -- goes after --)");
                }
            }
        }
        if (jsonl) {
            if (args.length != 1) {
                return usage(err, "--jsonl takes its options from each input line, not from the command line");
            }
            return jsonl(in, out, err);
        }
        if (words.isEmpty()) {
            return usage(err, "no text to count");
        }
        if (!profile.equals("intl") && !profile.equals("cn")) {
            return usage(err, "unknown profile: " + profile + " (expected intl or cn)");
        }
        return human(String.join(" ", words), profile.equals("cn"), smart, signature, unsubscribe, out, err);
    }

    private static int jsonl(InputStream in, PrintStream out, PrintStream err) {
        try {
            // Not closed: that would close the caller's stream (System.out in production).
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            JsonlCounter.run(in, writer);
            writer.flush();
            out.flush();
            return out.checkError() ? 1 : 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int human(String text, boolean cn, boolean smart, String signature, String unsubscribe,
            PrintStream out, PrintStream err) {
        SmsCount count;
        String sent;
        try {
            count = cn ? CnBilling.count(text, signature, unsubscribe, smart) : SmsCounter.count(text, smart);
            sent = cn ? CnBilling.billedText(text, signature, unsubscribe, smart)
                    : smart ? SmsCounter.smartReplace(text) : text;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.println("encoding:        " + count.encoding().label());
        out.println("segments:        " + count.segments());
        out.println("characters:      " + count.characters());
        out.println("left in segment: " + count.remaining());
        if (!cn) { // cn bills characters whatever the encoding, so listing every Chinese character would be noise
            List<String> forcing = SmsCounter.ucs2Characters(sent);
            out.println("forcing UCS-2:   " + (forcing.isEmpty() ? "none"
                    : forcing.stream().map(SmsCountCommand::quoted).collect(Collectors.joining(" "))));
        }
        if (cn) {
            out.println("billed text:     " + sent);
        } else if (smart && !sent.equals(text)) {
            out.println("smart text:      " + sent);
        }
        out.flush();
        return 0;
    }

    /** Quotes a character for the terminal, naming the invisible ones that would otherwise print as nothing. */
    private static String quoted(String s) {
        if (s.codePoints().allMatch(cp -> Character.isISOControl(cp) || Character.isWhitespace(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.isSpaceChar(cp))) {
            return s.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining("+"));
        }
        return "\"" + s + "\"";
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        err.flush();
        return 2;
    }
}
