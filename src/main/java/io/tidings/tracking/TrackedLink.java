package io.tidings.tracking;

/**
 * One recipient's short link to one target of a send.
 *
 * @param linkId   the send's link row, shared by all recipients (statistics are per link)
 * @param code     the recipient's code, 8 base62 characters
 * @param shortUrl what the text carries: {@code <tidings.public-base-url>/l/<code>}
 */
public record TrackedLink(long linkId, String target, String code, String shortUrl) {
}
