package io.tidings.sms.send;

/** A provider that can carry a message to a country, at its tier price per segment (micros of currency). */
record Route(long providerId, String senderType, String from, long priceMicros, String currency) {
}
