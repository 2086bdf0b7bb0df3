package io.tidings.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** --name value flags and positional words; a flag not in the allowed set is an error. */
record Args(Map<String, String> flags, List<String> words) {

    static Args parse(String[] args, int from, Set<String> valued, Set<String> switches) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (switches.contains(name)) {
                    flags.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    flags.put(name, value);
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                words.add(a);
            }
        }
        return new Args(flags, words);
    }

    String get(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }
}
