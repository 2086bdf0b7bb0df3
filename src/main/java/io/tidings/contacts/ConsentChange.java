package io.tidings.contacts;

/**
 * A consent change to record. {@code how} says by what means (form, import, api, sms-keyword, ...),
 * {@code source} where (a form URL, a file name, a keyword), {@code actor} who made the change and
 * {@code ip} from where.
 */
public record ConsentChange(Channel channel, ConsentState state, String how, String source, String actor,
                            String ip) {
}
