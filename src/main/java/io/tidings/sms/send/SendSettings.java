package io.tidings.sms.send;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.util.List;

/** {@code tidings.sms.*}: consent and timing rules of the send path, and the keyword replies. */
@Component
public class SendSettings {

    private final boolean transactionalIgnoresOptOut;
    private final LocalTime windowStart;
    private final LocalTime windowEnd;
    private final List<String> optOutKeywords;
    private final List<String> optInKeywords;
    private final List<String> helpKeywords;
    private final String optOutConfirmation;
    private final String optInConfirmation;
    private final String helpText;

    SendSettings(@Value("${tidings.sms.transactional-ignores-opt-out:true}") boolean transactionalIgnoresOptOut,
                 @Value("${tidings.sms.window.start:09:00}") String windowStart,
                 @Value("${tidings.sms.window.end:21:00}") String windowEnd,
                 @Value("${tidings.sms.opt-out-keywords:STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT,退订,TD,T}") List<String> optOut,
                 @Value("${tidings.sms.opt-in-keywords:START,UNSTOP}") List<String> optIn,
                 @Value("${tidings.sms.help-keywords:HELP}") List<String> help,
                 @Value("${tidings.sms.opt-out-confirmation:You are unsubscribed and will get no more messages. Reply START to resubscribe.}") String optOutConfirmation,
                 @Value("${tidings.sms.opt-in-confirmation:You are subscribed again. Reply STOP to unsubscribe.}") String optInConfirmation,
                 @Value("${tidings.sms.help-text:Reply STOP to unsubscribe, START to subscribe again.}") String helpText) {
        this.transactionalIgnoresOptOut = transactionalIgnoresOptOut;
        this.windowStart = LocalTime.parse(windowStart);
        this.windowEnd = LocalTime.parse(windowEnd);
        this.optOutKeywords = optOut.stream().map(Keywords::normalise).toList();
        this.optInKeywords = optIn.stream().map(Keywords::normalise).toList();
        this.helpKeywords = help.stream().map(Keywords::normalise).toList();
        this.optOutConfirmation = optOutConfirmation;
        this.optInConfirmation = optInConfirmation;
        this.helpText = helpText;
    }

    public boolean transactionalIgnoresOptOut() {
        return transactionalIgnoresOptOut;
    }

    public LocalTime windowStart() {
        return windowStart;
    }

    public LocalTime windowEnd() {
        return windowEnd;
    }

    public List<String> optOutKeywords() {
        return optOutKeywords;
    }

    public List<String> optInKeywords() {
        return optInKeywords;
    }

    public List<String> helpKeywords() {
        return helpKeywords;
    }

    public String optOutConfirmation() {
        return optOutConfirmation;
    }

    public String optInConfirmation() {
        return optInConfirmation;
    }

    public String helpText() {
        return helpText;
    }
}
