package io.tidings.records;

import java.time.LocalDate;
import java.util.List;

/** Fields to change; null leaves a field as it is. Lines, when given, replace all lines. */
public record OrderPatch(LocalDate orderDate, String state, List<OrderLine> lines) {
}
