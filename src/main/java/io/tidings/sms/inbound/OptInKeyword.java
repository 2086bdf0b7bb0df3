package io.tidings.sms.inbound;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.sms.InboundSms;
import io.tidings.sms.send.Replies;
import io.tidings.sms.send.SendSettings;

/** START / UNSTOP: the customer asks for messages again; opted back in, with a confirmation. */
final class OptInKeyword implements InboundPolicy {

    private final SendSettings settings;
    private final ContactsApi contacts;
    private final Replies replies;

    OptInKeyword(SendSettings settings, ContactsApi contacts, Replies replies) {
        this.settings = settings;
        this.contacts = contacts;
        this.replies = replies;
    }

    @Override
    public String kind() {
        return "opt_in";
    }

    @Override
    public boolean matches(String normalised) {
        return settings.optInKeywords().contains(normalised);
    }

    @Override
    public void act(InboundSms message, String fromE164, Contact contact, String normalised) {
        if (contact != null) {
            contacts.changeConsent(contact.id(), new ConsentChange(Channel.SMS, ConsentState.OPTED_IN, "sms-keyword",
                    normalised, "sms:" + fromE164, null));
        }
        contacts.unblock(Channel.SMS, fromE164);
        replies.send(message.gateway(), fromE164, contact, settings.optInConfirmation());
    }
}
