package io.tidings.tracking;

import java.util.List;

/** Clicks of one send: totals and per link. {@code clickers} counts a recipient once across all links. */
public record SendClicks(String sendId, long clicks, long clickers, List<LinkStats> links) {
}
