package io.tidings.records;

import java.time.LocalDate;
import java.util.List;

/** An order to create; the date defaults to today and the state to draft. */
public record NewOrder(String number, Long contactId, LocalDate orderDate, String state, String currency,
                       List<OrderLine> lines) {
}
