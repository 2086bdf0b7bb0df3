package io.tidings.records;

import io.tidings.shared.InvalidInputException;

import java.util.Locale;

/** Where a lead stands in the pipeline. */
public enum LeadStage {
    NEW, QUALIFIED, PROPOSITION, WON, LOST;

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LeadStage parse(String key) {
        for (LeadStage s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new InvalidInputException("stage", "stage must be one of new, qualified, proposition, won, lost");
    }
}
