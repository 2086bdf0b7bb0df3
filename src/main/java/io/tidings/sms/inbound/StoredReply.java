package io.tidings.sms.inbound;

import io.tidings.contacts.Contact;
import io.tidings.sms.InboundSms;

/** Anything else is a conversation: it is stored (already, by the caller) and shown with the contact. */
final class StoredReply implements InboundPolicy {

    @Override
    public String kind() {
        return "reply";
    }

    @Override
    public boolean matches(String normalised) {
        return true;
    }

    @Override
    public void act(InboundSms message, String fromE164, Contact contact, String normalised) {
        // nothing to do beyond storing it
    }
}
