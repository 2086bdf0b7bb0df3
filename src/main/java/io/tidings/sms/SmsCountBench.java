package io.tidings.sms;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput of {@link SmsCounter} on a mixed corpus (GSM, extension characters, accented Latin, CJK, emoji;
 * messages of 10 to 1000 characters). Prints one JSON line.
 *
 * <p>Alongside, it times a trivial loop that only reads every char of the same corpus. Machines here are small and
 * shared, so absolute MB/s drift from run to run; the ratio to that baseline, measured in the same run, is the
 * figure worth comparing.
 *
 * <p>Options: {@code --mb N} corpus size in UTF-8 megabytes (default 64), {@code --rounds N} timed passes
 * (default 5), {@code --seed N}.
 */
public final class SmsCountBench {

    private static final String GSM = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"
            + " .,!?:;'\"()-+@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡¿ÄÖÑÜ§äöñüà\n";
    private static final String EXTENSION = "^{}\\[~]|€";
    private static final String ACCENTED = "áâãçêíóôõúýčćđšžłńśźżőűąęāēīō";
    private static final String CJK = "您好订单已发货请查收优惠券感谢购买退订回复会员积分短信验证码中文店铺";
    private static final String[] EMOJI = {"😀", "🎉", "👍", "🚀", "❤", "👍🏽", "🇨🇳", "😂", "🙏"};

    /** Keeps the JIT from discarding loops whose results are otherwise unused. */
    static volatile long sink;

    private SmsCountBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        long targetBytes = 64_000_000L;
        int rounds = 5;
        long seed = 20_240_601L;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mb" -> targetBytes = (long) (Double.parseDouble(args[i + 1]) * 1e6);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] corpus = new String[1024];
        int messages = 0;
        long bytes = 0;
        while (bytes < targetBytes) {
            String message = message(random);
            if (messages == corpus.length) {
                corpus = Arrays.copyOf(corpus, messages * 2);
            }
            corpus[messages++] = message;
            bytes += utf8Length(message);
        }
        corpus = Arrays.copyOf(corpus, messages);

        for (int i = 0; i < 3; i++) { // warm-up: let both loops reach their compiled form
            sink += countAll(corpus) + readAll(corpus);
        }
        long countNanos = 0;
        long readNanos = 0;
        for (int r = 0; r < rounds; r++) { // interleaved, so a noisy moment hurts both sides alike
            long t0 = System.nanoTime();
            sink += readAll(corpus);
            long t1 = System.nanoTime();
            sink += countAll(corpus);
            long t2 = System.nanoTime();
            readNanos += t1 - t0;
            countNanos += t2 - t1;
        }
        double megabytes = bytes / 1e6 * rounds;
        double seconds = countNanos / 1e9;
        double mbPerSecond = megabytes / seconds;
        double baseline = megabytes / (readNanos / 1e9);
        out.println(String.format(Locale.ROOT,
                "{\"bytes\":%d,\"messages\":%d,\"seconds\":%.3f,\"mb_per_second\":%.1f,"
                        + "\"baseline_mb_per_second\":%.1f,\"ratio\":%.3f}",
                bytes, messages, seconds, mbPerSecond, baseline, mbPerSecond / baseline));
        out.flush();
        return 0;
    }

    private static long countAll(String[] corpus) {
        long segments = 0;
        for (String message : corpus) {
            segments += SmsCounter.count(message).segments();
        }
        return segments;
    }

    private static long readAll(String[] corpus) {
        long sum = 0;
        for (String message : corpus) {
            for (int i = 0, n = message.length(); i < n; i++) {
                sum += message.charAt(i);
            }
        }
        return sum;
    }

    private static String message(SplittableRandom random) {
        int length = 10 + random.nextInt(991);
        int kind = random.nextInt(10); // mostly GSM, as real traffic is
        StringBuilder sb = new StringBuilder(length + 8);
        while (sb.length() < length) {
            int x = random.nextInt(100);
            switch (kind) {
                case 0, 1, 2, 3 -> sb.append(GSM.charAt(random.nextInt(GSM.length())));
                case 4, 5 -> sb.append(x < 5 ? EXTENSION.charAt(random.nextInt(EXTENSION.length()))
                        : GSM.charAt(random.nextInt(GSM.length())));
                case 6 -> sb.append(x < 10 ? ACCENTED.charAt(random.nextInt(ACCENTED.length()))
                        : GSM.charAt(random.nextInt(GSM.length())));
                case 7, 8 -> sb.append(x < 70 ? CJK.charAt(random.nextInt(CJK.length()))
                        : GSM.charAt(random.nextInt(GSM.length())));
                default -> sb.append(x < 20 ? EMOJI[random.nextInt(EMOJI.length)]
                        : x < 50 ? CJK.charAt(random.nextInt(CJK.length())) : GSM.charAt(random.nextInt(GSM.length())));
            }
        }
        return sb.toString();
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
