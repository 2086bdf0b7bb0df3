package io.tidings.records;

import java.util.List;

/** Fields to change; null leaves a field as it is, an empty salesperson removes the salesperson. */
public record LeadPatch(String name, Long contactId, String stage, String salesperson, Integer priority,
                        Long expectedRevenueMinor, String currency, List<String> tags) {

    public static LeadPatch stage(String stage) {
        return new LeadPatch(null, null, stage, null, null, null, null, null);
    }

    public static LeadPatch salesperson(String salesperson) {
        return new LeadPatch(null, null, null, salesperson, null, null, null, null);
    }
}
