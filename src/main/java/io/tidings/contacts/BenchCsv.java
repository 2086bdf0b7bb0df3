package io.tidings.contacts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's input: N contacts with unique emails and unique phones from eight countries,
 * written in four styles (E.164, international, national, bare national digits), some quoted
 * fields, and one row in a hundred broken (a bad phone, a bad email or an extra column).
 */
final class BenchCsv {

    static final String HEADER = "first_name,last_name,email,phone,country,company,tags,plan";
    private static final String[] FIRST = {"Anna", "Ben", "Chloé", "Daniel", "Emma", "Felix", "Grace", "Hiro", "Isha",
            "João", "Kai", "Lena", "Mateo", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Wei", "Yuki"};
    private static final String[] LAST = {"Smith", "Müller", "Dubois", "García", "Sharma", "Silva", "Wang", "Tanaka",
            "O'Brien", "Jones", "Schmidt", "Martin", "Patel", "Santos", "Li", "Sato", "Brown", "Weber"};
    private static final String[] COMPANY = {"Acme", "\"Acme, Inc.\"", "Globex", "Initech", "\"Umbrella, Ltd\"",
            "Stark Industries", "Wayne Enterprises", "", "Hooli", "Vandelay Industries"};
    private static final String[] TAGS = {"customer", "customer;vip", "lead", "lead|newsletter", "", "partner"};
    private static final String[] PLAN = {"free", "pro", "enterprise", ""};
    private static final String[] COUNTRY = {"US", "GB", "DE", "FR", "IN", "BR", "CN", "JP"};
    private static final String[] US_AREAS = {"212", "415", "617", "305", "206", "312"};

    private BenchCsv() {
    }

    /** @return how many rows were written broken on purpose */
    static long write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long broken = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                int c = (int) (i % COUNTRY.length);
                long k = i / COUNTRY.length;
                int style = random.nextInt(4);
                int fault = (int) (i % 300);
                String phone = fault == 7 ? "12345" : phone(c, k, style);
                String email = ascii(first) + "." + ascii(last) + "." + i + (fault == 107 ? ".example.com" : "@example.com");
                line.append(first).append(',').append(last.replace("'", "")).append(',').append(email).append(',')
                        .append(phone).append(',').append(COUNTRY[c]).append(',')
                        .append(COMPANY[random.nextInt(COMPANY.length)]).append(',')
                        .append(TAGS[random.nextInt(TAGS.length)]).append(',')
                        .append(PLAN[random.nextInt(PLAN.length)]);
                if (fault == 207) {
                    line.append(",surplus");
                }
                if (fault == 7 || fault == 107 || fault == 207) {
                    broken++;
                }
                w.append(line).append('\n');
            }
        }
        return broken;
    }

    /** Unique per (country, k): the subscriber digits come from k. */
    static String phone(int country, long k, int style) {
        return switch (COUNTRY[country]) {
            case "US" -> {
                String area = US_AREAS[(int) (k % US_AREAS.length)];
                String local = "2" + pad(k / US_AREAS.length, 6);
                yield format(style, "+1", area + local, "(" + area + ") " + local.substring(0, 3) + "-" + local.substring(3),
                        area + local);
            }
            case "GB" -> {
                String nsn = "74" + "012346789".charAt((int) (k / 1_000_000 % 9)) + "0" + pad(k % 1_000_000, 6);
                yield format(style, "+44", nsn, "0" + nsn.substring(0, 4) + " " + nsn.substring(4), "0" + nsn);
            }
            case "DE" -> {
                String nsn = "171" + pad(k, 7);
                yield format(style, "+49", nsn, "0" + nsn.substring(0, 3) + " " + nsn.substring(3), "0" + nsn);
            }
            case "FR" -> {
                String nsn = "61" + pad(k, 7);
                yield format(style, "+33", nsn, "0" + nsn.charAt(0) + " " + nsn.substring(1, 3) + " " + nsn.substring(3, 5)
                        + " " + nsn.substring(5, 7) + " " + nsn.substring(7), "0" + nsn);
            }
            case "IN" -> {
                String nsn = "98" + pad(k, 8);
                yield format(style, "+91", nsn, "0" + nsn.substring(0, 5) + " " + nsn.substring(5), nsn);
            }
            case "BR" -> {
                String nsn = "119" + pad(k, 8);
                yield format(style, "+55", nsn, "(11) " + nsn.substring(2, 7) + "-" + nsn.substring(7), nsn);
            }
            case "CN" -> {
                String nsn = "138" + pad(k, 8);
                yield format(style, "+86", nsn, nsn.substring(0, 3) + " " + nsn.substring(3, 7) + " " + nsn.substring(7), nsn);
            }
            default -> {
                String nsn = "901" + pad(k, 7);
                yield format(style, "+81", nsn, "0" + nsn.substring(0, 2) + "-" + nsn.substring(2, 6) + "-" + nsn.substring(6),
                        "0" + nsn);
            }
        };
    }

    private static String format(int style, String cc, String nsn, String national, String plain) {
        return switch (style) {
            case 0 -> cc + nsn;
            case 1 -> cc + " " + nsn.substring(0, 3) + " " + nsn.substring(3);
            case 2 -> national;
            default -> plain;
        };
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s.substring(s.length() - width) : "0".repeat(width - s.length()) + s;
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
