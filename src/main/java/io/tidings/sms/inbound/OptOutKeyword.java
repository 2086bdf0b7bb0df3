package io.tidings.sms.inbound;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.Contact;
import io.tidings.contacts.ContactsApi;
import io.tidings.sms.InboundSms;
import io.tidings.sms.send.Replies;
import io.tidings.sms.send.SendSettings;

/**
 * STOP and its kin (seed 000: easy opt-out; 退订/TD/T for Chinese carriers): the contact is opted out of
 * SMS with a consent-log entry naming the keyword, and gets one confirmation. A number no contact has
 * goes on the blocklist, so it is not sent to either.
 */
final class OptOutKeyword implements InboundPolicy {

    private final SendSettings settings;
    private final ContactsApi contacts;
    private final Replies replies;

    OptOutKeyword(SendSettings settings, ContactsApi contacts, Replies replies) {
        this.settings = settings;
        this.contacts = contacts;
        this.replies = replies;
    }

    @Override
    public String kind() {
        return "opt_out";
    }

    @Override
    public boolean matches(String normalised) {
        return settings.optOutKeywords().contains(normalised);
    }

    @Override
    public void act(InboundSms message, String fromE164, Contact contact, String normalised) {
        if (contact != null) {
            contacts.changeConsent(contact.id(), new ConsentChange(Channel.SMS, ConsentState.OPTED_OUT, "sms-keyword",
                    normalised, "sms:" + fromE164, null));
        } else if (!contacts.isBlocked(Channel.SMS, fromE164)) {
            contacts.block(Channel.SMS, fromE164, "replied " + normalised, "sms:" + fromE164);
        }
        replies.send(message.gateway(), fromE164, contact, settings.optOutConfirmation());
    }
}
