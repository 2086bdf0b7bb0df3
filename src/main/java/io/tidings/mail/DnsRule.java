package io.tidings.mail;

import java.util.List;

/** How one kind of record is judged once DNS has answered with something at its name. */
interface DnsRule {

    DomainRecord.Kind kind();

    /** @param found the values at {@code expected.name()}, at least one */
    DnsCheck judge(DomainRecord expected, List<String> found);

    /** The sentence when the name holds nothing of this kind. */
    String whenMissing(DomainRecord expected);

    default DnsCheck verdict(DomainRecord expected, DnsStatus status, String message, List<String> found) {
        return new DnsCheck(kind(), expected.name(), status, message, found);
    }
}
