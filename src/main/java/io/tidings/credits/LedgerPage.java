package io.tidings.credits;

import java.util.List;

/** Newest entries first; pass {@code nextBefore} as {@code before} for the next page (null at the end). */
public record LedgerPage(List<LedgerEntry> entries, Long nextBefore) {
}
