package io.tidings.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DKIM or DMARC tag list ({@code v=DKIM1; k=rsa; p=...}, RFC 6376 section 3.2): tags in their order,
 * whitespace around names and values dropped, an empty trailing tag allowed.
 */
record DnsTags(List<Tag> tags, List<String> malformed) {

    record Tag(String name, String value) {
    }

    static DnsTags parse(String text) {
        List<Tag> tags = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (String spec : text.split(";", -1)) {
            String s = spec.strip();
            if (s.isEmpty()) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq <= 0) {
                malformed.add(s);
                continue;
            }
            tags.add(new Tag(s.substring(0, eq).strip(), s.substring(eq + 1).strip()));
        }
        return new DnsTags(List.copyOf(tags), List.copyOf(malformed));
    }

    Optional<Tag> first() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags.getFirst());
    }

    Optional<String> get(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(Tag::value).findFirst();
    }

    /** A tag named twice makes the whole record invalid for DKIM verifiers. */
    Optional<String> duplicate() {
        List<String> seen = new ArrayList<>();
        for (Tag t : tags) {
            if (seen.contains(t.name())) {
                return Optional.of(t.name());
            }
            seen.add(t.name());
        }
        return Optional.empty();
    }
}
