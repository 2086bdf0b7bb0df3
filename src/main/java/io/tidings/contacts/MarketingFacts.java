package io.tidings.contacts;

/** What the marketing rules look at for one contact on one channel. */
record MarketingFacts(Channel channel, String address, ConsentState consent, boolean blocked) {
}
