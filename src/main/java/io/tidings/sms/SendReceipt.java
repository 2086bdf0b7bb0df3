package io.tidings.sms;

/** A send that was accepted: its credits are reserved and its messages queued. */
public record SendReceipt(String sendId, SendPreview preview) {
}
