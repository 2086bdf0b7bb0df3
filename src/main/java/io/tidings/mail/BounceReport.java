package io.tidings.mail;

/**
 * One recipient a bounce says something about.
 *
 * @param recipient  the address that failed, lower case, or null when the report does not name it
 * @param status     the enhanced status code (5.1.1) or basic reply code (550), or null
 * @param failed     true when delivery was given up (not merely delayed)
 * @param hard       true for a permanent failure (5.x.x), false for a temporary one (4.x.x)
 * @param diagnostic the remote server's words, for the record
 */
record BounceReport(String recipient, String status, boolean failed, boolean hard, String diagnostic) {
}
