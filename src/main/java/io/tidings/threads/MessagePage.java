package io.tidings.threads;

import java.util.List;

/** Newest first; {@code nextBefore} is the cursor for the next, older page, null at the end. */
public record MessagePage(List<ThreadMessage> messages, Long nextBefore) {
}
