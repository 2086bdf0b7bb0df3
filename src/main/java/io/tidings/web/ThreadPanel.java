package io.tidings.web;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.User;
import io.tidings.threads.Follower;
import io.tidings.threads.RecordRef;
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

    ThreadPanel(ThreadsApi threads, AccountsApi accounts) {
        this.threads = threads;
        this.accounts = accounts;
    }

    void fill(Model model, RecordRef ref, String me) {
        List<Follower> followers = threads.followers(ref);
        model.addAttribute("threadPath", "/records/" + ref.model().key() + "/" + ref.id());
        model.addAttribute("messages", threads.messages(ref, null, SHOWN).messages());
        model.addAttribute("followers", followers);
        model.addAttribute("following", followers.stream().anyMatch(f -> f.kind() == Follower.Kind.USER && f.user().equals(me)));
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
