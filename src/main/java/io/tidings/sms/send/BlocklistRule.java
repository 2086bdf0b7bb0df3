package io.tidings.sms.send;

import io.tidings.contacts.BlockedAddress;
import io.tidings.contacts.Channel;
import io.tidings.contacts.ContactsApi;
import io.tidings.contacts.ContactQuery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The blocklist overrides everything, transactional traffic included. A large send reads the SMS blocklist once, in
 * pages, when that is cheaper than asking for each number ({@link #snapshot}); otherwise each number is looked up.
 */
final class BlocklistRule implements SendRule {

    /** One page of the blocklist is read instead of this many single lookups. */
    private static final int LOOKUPS_PER_PAGE = 50;

    private final ContactsApi contacts;

    BlocklistRule(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @Override
    public Verdict check(Candidate c, SendFacts facts) {
        String e164 = c.phone().e164();
        Set<String> blocked = facts.blocklist();
        boolean isBlocked = blocked != null ? blocked.contains(e164) : contacts.isBlocked(Channel.SMS, e164);
        return isBlocked ? Verdict.exclude("blocklisted") : Verdict.PASS;
    }

    /**
     * The whole SMS blocklist (E.164 numbers) when it has at most about {@code candidates / 50} pages, else null: then
     * looking up each of the send's numbers is the cheaper way.
     */
    Set<String> snapshot(int candidates) {
        int pages = candidates / LOOKUPS_PER_PAGE;
        if (pages < 1) {
            return null;
        }
        Set<String> blocked = new HashSet<>();
        String after = null;
        for (int page = 0; page < pages; page++) {
            List<BlockedAddress> list = contacts.blocklist(Channel.SMS, after, ContactQuery.MAX_LIMIT);
            list.forEach(b -> blocked.add(b.address()));
            if (list.size() < ContactQuery.MAX_LIMIT) {
                return blocked;
            }
            BlockedAddress last = list.getLast();
            after = last.channel().key() + ":" + last.address();
        }
        return null;
    }
}
