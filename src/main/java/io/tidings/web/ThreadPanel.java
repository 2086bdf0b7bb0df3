package io.tidings.web;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.User;
import io.tidings.threads.Follower;
import io.tidings.threads.RecordRef;
import io.tidings.threads.Subtype;
import io.tidings.threads.ThreadsApi;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.List;

/** What the thread panel (templates/records/thread.html) shows beside any record page. */
@Component
class ThreadPanel {

    private static final int SHOWN = 100;

    private final ThreadsApi threads;
    private final AccountsApi accounts;
    private final io.tidings.contacts.ContactsApi contacts;

    ThreadPanel(ThreadsApi threads, AccountsApi accounts, io.tidings.contacts.ContactsApi contacts) {
        this.threads = threads;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    void fill(Model model, RecordRef ref, String me) {
        List<Follower> followers = threads.followers(ref);
        model.addAttribute("threadPath", "/records/" + ref.model().key() + "/" + ref.id());
        model.addAttribute("messages", threads.messages(ref, null, SHOWN).messages());
        model.addAttribute("followers", followers);
        Follower mine = followers.stream().filter(f -> f.kind() == Follower.Kind.USER && f.user().equals(me)).findFirst().orElse(null);
        model.addAttribute("following", mine != null);
        model.addAttribute("mySubtypes", mine == null ? java.util.EnumSet.allOf(Subtype.class) : mine.subtypes());
        model.addAttribute("allSubtypes", Subtype.values());
        java.util.Map<Long, String> contactNames = new java.util.HashMap<>();
        followers.stream().filter(f -> f.kind() == Follower.Kind.CONTACT).forEach(f -> contacts.find(f.contactId())
                .ifPresent(c -> contactNames.put(c.id(), c.name() + (c.email() == null ? "" : " <" + c.email() + ">"))));
        model.addAttribute("contactNames", contactNames);
        model.addAttribute("activities", threads.activities(ref));
        model.addAttribute("users", accounts.users().stream().filter(User::enabled).map(User::username).toList());
        model.addAttribute("me", me);
    }

    /** Where a record's page is, to come back to after a thread form. */
    static String pageOf(RecordRef ref) {
        return switch (ref.model()) {
            case CONTACT -> "/contacts/" + ref.id();
            case LEAD -> "/leads/" + ref.id();
            case ORDER -> "/orders/" + ref.id();
        };
    }
}
