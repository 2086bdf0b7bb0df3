package io.tidings.records;

import java.util.List;

/** A lead to create; only the name is required, the stage defaults to new and the priority to 0. */
public record NewLead(String name, Long contactId, String stage, String salesperson, Integer priority,
                      Long expectedRevenueMinor, String currency, List<String> tags) {

    public static NewLead named(String name) {
        return new NewLead(name, null, null, null, null, null, null, null);
    }
}
