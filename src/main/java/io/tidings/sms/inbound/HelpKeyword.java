package io.tidings.sms.inbound;

import io.tidings.contacts.Contact;
import io.tidings.sms.InboundSms;
import io.tidings.sms.send.Replies;
import io.tidings.sms.send.SendSettings;

/** HELP is answered with the help text (carriers require it for short codes). */
final class HelpKeyword implements InboundPolicy {

    private final SendSettings settings;
    private final Replies replies;

    HelpKeyword(SendSettings settings, Replies replies) {
        this.settings = settings;
        this.replies = replies;
    }

    @Override
    public String kind() {
        return "help";
    }

    @Override
    public boolean matches(String normalised) {
        return settings.helpKeywords().contains(normalised);
    }

    @Override
    public void act(InboundSms message, String fromE164, Contact contact, String normalised) {
        replies.send(message.gateway(), fromE164, contact, settings.helpText());
    }
}
