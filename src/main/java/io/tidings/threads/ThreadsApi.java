package io.tidings.threads;

import io.tidings.accounts.AccountsApi;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.InvalidInputException;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The threads module's one facade: a record's messages, followers and activities, and each user's
 * inbox. Every call naming a record answers {@code NotFoundException} when the record does not exist.
 */
@Service
public class ThreadsApi {

    public static final int MAX_PAGE = 200;

    private final ThreadStore store;
    private final RecordGuard guard;
    private final Posting posting;
    private final Activities activities;
    private final AccountsApi accounts;
    private final ContactsApi contacts;
    private final SmsInThreads smsInThreads;

    ThreadsApi(ThreadStore store, RecordGuard guard, Posting posting, Activities activities, AccountsApi accounts,
               ContactsApi contacts, SmsInThreads smsInThreads) {
        this.smsInThreads = smsInThreads;
        this.store = store;
        this.guard = guard;
        this.posting = posting;
        this.activities = activities;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    // --- messages

    /** Newest first; {@code before} is the previous page's {@code nextBefore}, or null. */
    public MessagePage messages(RecordRef ref, Long before, int limit) {
        guard.require(ref);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE);
        }
        List<ThreadMessage> page = store.messages(ref, before == null ? Long.MAX_VALUE : before, limit);
        return new MessagePage(page, page.size() == limit ? page.getLast().id() : null);
    }

    /** Stores the message and notifies the followers; email_out is also queued to its {@code to}. */
    public ThreadMessage post(RecordRef ref, NewMessage message) {
        return posting.post(ref, message);
    }

    /**
     * Sends one transactional SMS to the record's contact through the SMS send path and posts it as
     * {@code sms_out}. Refusals (no contact, no phone, not eligible, credits short) post nothing.
     */
    public ThreadMessage sendSms(RecordRef ref, String text, String actor) {
        return smsInThreads.send(ref, text, actor);
    }

    /**
     * Stores the message without telling any follower: for automatic mail (auto-replies, out-of-office)
     * that belongs in the thread but must never be forwarded, or two auto-responders would loop.
     */
    public ThreadMessage postWithoutNotifying(RecordRef ref, NewMessage message) {
        return posting.post(ref, message, false);
    }

    /**
     * For incoming mail: posts the message unless one with its Message-ID is already stored (in any thread), in
     * which case nothing is written and nobody is notified. The duplicate check costs nothing extra: it is part of
     * the insert. {@code notifyFollowers} false is {@link #postWithoutNotifying}.
     *
     * @return the stored message, or empty when its Message-ID was already there ({@link #findByMessageId} finds that one)
     */
    public Optional<ThreadMessage> postOnce(RecordRef ref, NewMessage message, boolean notifyFollowers) {
        return posting.postOnce(ref, message, notifyFollowers);
    }

    /** For routing a reply: the thread message whose Message-ID it answers. */
    public Optional<ThreadMessage> findByMessageId(String messageId) {
        return store.byMessageId(messageId);
    }

    // --- followers

    public List<Follower> followers(RecordRef ref) {
        guard.require(ref);
        return store.followers(ref);
    }

    /** Following again replaces the chosen subtypes; no subtypes means all of them. */
    public Follower follow(RecordRef ref, Follower follower) {
        guard.require(ref);
        Follower f = checked(follower);
        store.follow(ref, f);
        return f;
    }

    public boolean unfollow(RecordRef ref, Follower follower) {
        guard.require(ref);
        Follower f = checked(follower);
        return store.unfollow(ref, f.kind(), f.key());
    }

    // --- activities

    public List<Activity> activities(RecordRef ref) {
        return activities.of(ref);
    }

    /** The assignee defaults to the actor. */
    public Activity schedule(RecordRef ref, NewActivity activity, String actor) {
        return activities.schedule(ref, activity, actor);
    }

    public Activity activity(long id) {
        return activities.get(id);
    }

    public Activity updateActivity(long id, ActivityPatch patch, String actor) {
        return activities.update(id, patch, actor);
    }

    /** Marking done twice writes the message once. */
    public Activity markDone(long id, String actor) {
        return activities.markDone(id, actor);
    }

    // --- inbox

    public Inbox inbox(String user) {
        return new Inbox(store.notifications(user, 100), store.dueActivities(user, activities.today()));
    }

    /** Only the user's own notifications; false when it was not theirs or already read. */
    public boolean markRead(String user, long notificationId) {
        return store.markRead(user, notificationId);
    }

    public NotificationPreference notificationPreference(String user) {
        return store.preference(user);
    }

    public void setNotificationPreference(String user, NotificationPreference preference) {
        if (accounts.user(user).isEmpty()) {
            throw new InvalidInputException("user", "there is no user named '" + user + "'");
        }
        store.setPreference(user, preference);
    }

    private Follower checked(Follower f) {
        if (f == null || f.kind() == null) {
            throw new InvalidInputException("follower", "name a user or a contactId to follow");
        }
        if (f.kind() == Follower.Kind.USER && (f.user() == null || accounts.user(f.user()).isEmpty())) {
            throw new InvalidInputException("user", "there is no user named '" + f.user() + "'");
        }
        if (f.kind() == Follower.Kind.CONTACT && (f.contactId() == null || contacts.find(f.contactId()).isEmpty())) {
            throw new InvalidInputException("contactId", "there is no contact " + f.contactId());
        }
        Set<Subtype> subtypes = f.subtypes() == null || f.subtypes().isEmpty() ? EnumSet.allOf(Subtype.class)
                : EnumSet.copyOf(f.subtypes());
        return new Follower(f.kind(), f.user(), f.contactId(), subtypes);
    }
}
