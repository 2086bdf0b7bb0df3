package io.tidings.threads;

import io.tidings.accounts.AccountsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Scheduling activities on a record and closing them; closing one writes "Activity done: …" in the thread. */
@Component
class Activities {

    private final ThreadStore store;
    private final RecordGuard guard;
    private final AccountsApi accounts;
    private final Posting posting;
    private final Clock clock;

    Activities(ThreadStore store, RecordGuard guard, AccountsApi accounts, Posting posting) {
        this.store = store;
        this.guard = guard;
        this.accounts = accounts;
        this.posting = posting;
        this.clock = Clock.systemDefaultZone();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    Activity schedule(RecordRef ref, NewActivity a, String actor) {
        guard.require(ref);
        if (a.dueDate() == null) {
            throw new InvalidInputException("dueDate", "an activity needs a due date");
        }
        long id = store.insertActivity(ref, ActivityType.parse(a.type() == null ? "to_do" : a.type()), a.dueDate(),
                assignee(a.assignee() == null || a.assignee().isBlank() ? actor : a.assignee()), note(a.note()), actor);
        return get(id);
    }

    List<Activity> of(RecordRef ref) {
        guard.require(ref);
        return store.activities(ref, today());
    }

    Activity get(long id) {
        return store.activity(id, today()).orElseThrow(() -> new NotFoundException("There is no activity " + id + "."));
    }

    @Transactional
    Activity update(long id, ActivityPatch p, String actor) {
        Activity old = get(id);
        if (p.type() != null || p.dueDate() != null || p.assignee() != null || p.note() != null) {
            store.updateActivity(id, p.type() == null ? old.type() : ActivityType.parse(p.type()),
                    p.dueDate() == null ? old.dueDate() : p.dueDate(),
                    p.assignee() == null ? old.assignee() : assignee(p.assignee()),
                    p.note() == null ? old.note() : note(p.note()));
        }
        if (Boolean.TRUE.equals(p.done())) {
            return markDone(id, actor);
        }
        return get(id);
    }

    @Transactional
    Activity markDone(long id, String actor) {
        Activity a = get(id);
        if (store.markDone(id, actor)) {
            String body = "Activity done: " + a.type().key().replace('_', ' ')
                    + (a.note() == null || a.note().isBlank() ? "" : " — " + a.note());
            posting.post(a.record(), NewMessage.note(actor, body));
        }
        return get(id);
    }

    private String assignee(String user) {
        if (user == null || accounts.user(user).isEmpty()) {
            throw new InvalidInputException("assignee", "there is no user named '" + user + "'");
        }
        return user;
    }

    private static String note(String note) {
        if (note != null && note.length() > 10_000) {
            throw new InvalidInputException("note", "a note has at most 10000 characters");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }
}
