package io.tidings.mail;

import java.util.List;

/**
 * What the live DNS says about one expected record.
 *
 * @param kind    which record
 * @param name    the name asked
 * @param status  the verdict
 * @param message a sentence a person understands: what was found and what to do
 * @param found   the values DNS returned there (TXT strings joined; MX as {@code <preference> <host>})
 */
public record DnsCheck(DomainRecord.Kind kind, String name, DnsStatus status, String message, List<String> found) {

    public DnsCheck {
        found = List.copyOf(found);
    }
}
