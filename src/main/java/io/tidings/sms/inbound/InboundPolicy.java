package io.tidings.sms.inbound;

import io.tidings.contacts.Contact;
import io.tidings.sms.InboundSms;

/** One rule for a customer's message; {@link InboundMessages} asks them in order, the first that matches acts. */
interface InboundPolicy {

    /** Stored as the message's kind: reply, opt_out, opt_in or help. */
    String kind();

    /** @param normalised the text NFKC-normalised, trimmed and upper-cased */
    boolean matches(String normalised);

    /** @param contact the contact whose phone sent it, or null */
    void act(InboundSms message, String fromE164, Contact contact, String normalised);
}
