package io.tidings.tracking;

import java.util.List;

/** The text as it will be sent, and the short links that replaced its long ones (in order, no repeats). */
public record ShortenedText(String text, List<TrackedLink> links) {
}
