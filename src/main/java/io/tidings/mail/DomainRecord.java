package io.tidings.mail;

import java.util.List;

/**
 * One DNS record the mail domain should publish.
 *
 * @param kind     what it is for
 * @param name     the owner name, without the trailing dot
 * @param type     TXT or MX
 * @param value    the value as most DNS hosting panels take it (TXT strings joined)
 * @param strings  a TXT value cut into strings of at most 255 bytes, as DNS carries it; one entry for MX
 * @param zoneFile the record in zone-file (RFC 1035) form
 */
public record DomainRecord(Kind kind, String name, String type, String value, List<String> strings, String zoneFile) {

    public enum Kind {
        SPF("Which servers may send mail for the domain"),
        DKIM("The public key receivers check Tidings' signatures with"),
        DMARC("What receivers do with mail that fails SPF and DKIM, and where they report"),
        MX("Where mail to the domain (replies, bounces) is delivered");

        private final String purpose;

        Kind(String purpose) {
            this.purpose = purpose;
        }

        public String purpose() {
            return purpose;
        }
    }

    public DomainRecord {
        strings = List.copyOf(strings);
    }
}
