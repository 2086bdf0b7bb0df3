package io.tidings.threads;

import io.tidings.shared.InvalidInputException;

import java.util.Locale;

/** Enum keys are the lowercase names, as stored and as sent over the API. */
final class Keys {

    private Keys() {
    }

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String key, String field) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(key)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(of(e));
        }
        throw new InvalidInputException(field, field + " must be one of " + allowed);
    }
}
