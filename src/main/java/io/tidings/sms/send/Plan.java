package io.tidings.sms.send;

import io.tidings.sms.SendPreview;

import java.util.List;

/** A send worked out: who gets what, and its preview (the totals that will be reserved). */
record Plan(List<Planned> messages, SendPreview preview) {
}
