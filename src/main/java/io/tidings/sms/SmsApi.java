package io.tidings.sms;

import java.util.List;

/**
 * Sending SMS: preview (cost, held, excluded), send (reserve credits, queue), the message log, replies
 * and rate cards. Errors: {@link io.tidings.shared.InvalidInputException} (422) for a bad request (no
 * recipients, none eligible, unknown template, unapproved signature), {@link io.tidings.shared.ConflictException}
 * (409) when credits are short ({@code InsufficientCreditsException}); in both cases nothing is charged or queued.
 */
public interface SmsApi {

    SendPreview preview(SendRequest request);

    /** Reserves exactly the preview's credits, then queues one message per eligible or held recipient. */
    SendReceipt send(SendRequest request, String actor);

    /** {@link io.tidings.shared.NotFoundException} for an unknown id. */
    SmsSendStatus sendStatus(String sendId);

    /**
     * The state alone ({@code sending}, {@code settled}, …) from one primary-key read, for a client that waits for
     * the end: {@link #sendStatus} counts every message of the send. NotFoundException for an unknown id.
     */
    String sendState(String sendId);

    /** The log of a send, of a contact, or both (null means any); newest first, at most 1000. */
    List<SmsMessageLog> messages(String sendId, Long contactId);

    /** What a contact sent us (replies, keywords), newest first. */
    List<SmsReply> repliesFor(long contactId);

    List<SmsRate> rates();

    /** Inserts or replaces the rate of its route and volume tier. */
    SmsRate saveRate(SmsRate rate);

    /**
     * Replaces nothing but the lines it names; all or nothing: a bad row is an InvalidInputException naming
     * its line, and no row is written. Header:
     * {@code provider_id,country,traffic,sender_type,min_monthly_volume,price,currency} (price a decimal).
     *
     * @return rows written
     */
    int importRates(String csv);

    String exportRatesCsv();
}
