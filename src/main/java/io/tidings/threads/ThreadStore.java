package io.tidings.threads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All SQL of the threads module. */
@Repository
class ThreadStore {

    private static final String MESSAGE_COLUMNS = """
            id, model, record_id, kind, subtype, author_user, author_address, subject, body, recipients,
            message_id, in_reply_to, created_at
            """;
    private static final String INSERT_MESSAGE = """
            insert into thread_messages (model, record_id, kind, subtype, author_user, author_address, subject, body,
                                         recipients, message_id, in_reply_to)
            values (:model, :recordId, :kind, :subtype, :authorUser, :authorAddress, :subject, :body,
                    :recipients, :messageId, :inReplyTo)
            returning
            """ + MESSAGE_COLUMNS;
    // The message and, in the same round trip, the record's followers for the notifier: one row per follower
    // (follower columns null when there is none), no row when a message with that Message-ID is already stored.
    private static final String INSERT_MESSAGE_ONCE = """
            with saved as (
                insert into thread_messages (model, record_id, kind, subtype, author_user, author_address, subject, body,
                                             recipients, message_id, in_reply_to)
                values (:model, :recordId, :kind, :subtype, :authorUser, :authorAddress, :subject, :body,
                        :recipients, :messageId, :inReplyTo)
                on conflict (message_id) do nothing
                returning
            """ + MESSAGE_COLUMNS + """
            )
            select saved.*, f.follower_kind, f.follower, f.subtypes
            from saved left join thread_followers f on f.model = saved.model and f.record_id = saved.record_id
            order by f.created_at, f.follower
            """;
    // Keyset paging on the (model, record_id, id desc) index.
    private static final String MESSAGES = """
            select %s from thread_messages
            where model = :model and record_id = :recordId and id < :before
            order by id desc limit :limit
            """.formatted(MESSAGE_COLUMNS);
    private static final String BY_MESSAGE_ID = "select " + MESSAGE_COLUMNS + " from thread_messages where message_id = :messageId";

    private static final String FOLLOW = """
            insert into thread_followers (model, record_id, follower_kind, follower, subtypes)
            values (:model, :recordId, :kind, :follower, :subtypes)
            on conflict (model, record_id, follower_kind, follower) do update set subtypes = excluded.subtypes
            """;
    private static final String UNFOLLOW = """
            delete from thread_followers
            where model = :model and record_id = :recordId and follower_kind = :kind and follower = :follower
            """;
    private static final String FOLLOWERS = """
            select follower_kind, follower, subtypes from thread_followers
            where model = :model and record_id = :recordId order by created_at, follower
            """;

    private static final String PREFERENCE = "select channel from notification_preferences where username = :username";
    private static final String SET_PREFERENCE = """
            insert into notification_preferences (username, channel) values (:username, :channel)
            on conflict (username) do update set channel = excluded.channel
            """;

    private static final String NOTIFY = "insert into inbox_notifications (username, message_id) values (:username, :threadMessageId)";
    private static final String NOTIFICATIONS = """
            select n.id, n.message_id, n.read_at, m.model, m.record_id, m.kind, coalesce(m.author_user, m.author_address),
                   m.subject, m.body, m.created_at
            from inbox_notifications n join thread_messages m on m.id = n.message_id
            where n.username = :username
            order by n.id desc limit :limit
            """;
    private static final String MARK_READ = """
            update inbox_notifications set read_at = now() where id = :id and username = :username and read_at is null
            """;

    private static final String ACTIVITY_COLUMNS = """
            id, model, record_id, type, due_date, assignee, note, done_at, (done_at is null and due_date < :today) as overdue
            """;
    private static final String INSERT_ACTIVITY = """
            insert into thread_activities (model, record_id, type, due_date, assignee, note, created_by)
            values (:model, :recordId, :type, :dueDate, :assignee, :note, :createdBy)
            returning id
            """;
    private static final String ACTIVITY = "select " + ACTIVITY_COLUMNS + " from thread_activities where id = :id";
    private static final String ACTIVITIES = """
            select %s from thread_activities
            where model = :model and record_id = :recordId
            order by done_at is not null, due_date, id
            """.formatted(ACTIVITY_COLUMNS);
    private static final String DUE_ACTIVITIES = """
            select %s from thread_activities
            where assignee = :username and done_at is null and due_date <= :today
            order by due_date, id
            """.formatted(ACTIVITY_COLUMNS);
    private static final String UPDATE_ACTIVITY = """
            update thread_activities set type = :type, due_date = :dueDate, assignee = :assignee, note = :note
            where id = :id
            """;
    // Only the first "done" wins, so a double click writes one "Activity done" message.
    private static final String MARK_DONE = """
            update thread_activities set done_at = now(), done_by = :doneBy where id = :id and done_at is null
            """;

    private final JdbcClient jdbc;

    ThreadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ThreadMessage insert(RecordRef ref, NewMessage m, List<String> recipients, String messageId) {
        return jdbc.sql(INSERT_MESSAGE).param("model", ref.model().key()).param("recordId", ref.id())
                .param("kind", m.kind().key()).param("subtype", m.kind().subtype().key())
                .param("authorUser", m.authorUser()).param("authorAddress", m.authorAddress())
                .param("subject", m.subject()).param("body", m.body() == null ? "" : m.body())
                .param("recipients", recipients.toArray(String[]::new)).param("messageId", messageId)
                .param("inReplyTo", m.inReplyTo())
                .query(ThreadStore::message).single();
    }

    /** A stored message and the followers of its record when it was stored. */
    record Stored(ThreadMessage message, List<Follower> followers) {
    }

    /** Empty when a message with this Message-ID is already stored (then nothing is written). */
    Optional<Stored> insertOnce(RecordRef ref, NewMessage m, List<String> recipients, String messageId) {
        List<Object[]> rows = jdbc.sql(INSERT_MESSAGE_ONCE).param("model", ref.model().key()).param("recordId", ref.id())
                .param("kind", m.kind().key()).param("subtype", m.kind().subtype().key())
                .param("authorUser", m.authorUser()).param("authorAddress", m.authorAddress())
                .param("subject", m.subject()).param("body", m.body() == null ? "" : m.body())
                .param("recipients", recipients.toArray(String[]::new)).param("messageId", messageId)
                .param("inReplyTo", m.inReplyTo())
                .query((rs, n) -> new Object[] {message(rs, n), rs.getString("follower_kind") == null ? null : follower(rs)})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Follower> followers = rows.stream().map(r -> (Follower) r[1]).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new Stored((ThreadMessage) rows.getFirst()[0], followers));
    }

    List<ThreadMessage> messages(RecordRef ref, long before, int limit) {
        return jdbc.sql(MESSAGES).param("model", ref.model().key()).param("recordId", ref.id())
                .param("before", before).param("limit", limit).query(ThreadStore::message).list();
    }

    Optional<ThreadMessage> byMessageId(String messageId) {
        return jdbc.sql(BY_MESSAGE_ID).param("messageId", messageId).query(ThreadStore::message).optional();
    }

    void follow(RecordRef ref, Follower f) {
        jdbc.sql(FOLLOW).param("model", ref.model().key()).param("recordId", ref.id()).param("kind", Keys.of(f.kind()))
                .param("follower", f.key()).param("subtypes", f.subtypes().stream().map(Subtype::key).toArray(String[]::new))
                .update();
    }

    boolean unfollow(RecordRef ref, Follower.Kind kind, String follower) {
        return jdbc.sql(UNFOLLOW).param("model", ref.model().key()).param("recordId", ref.id()).param("kind", Keys.of(kind))
                .param("follower", follower).update() > 0;
    }

    List<Follower> followers(RecordRef ref) {
        return jdbc.sql(FOLLOWERS).param("model", ref.model().key()).param("recordId", ref.id())
                .query((rs, n) -> follower(rs)).list();
    }

    private static Follower follower(ResultSet rs) throws SQLException {
        Set<Subtype> subtypes = EnumSet.noneOf(Subtype.class);
        for (String s : (String[]) rs.getArray("subtypes").getArray()) {
            subtypes.add(Subtype.parse(s));
        }
        String follower = rs.getString("follower");
        return "user".equals(rs.getString("follower_kind")) ? Follower.user(follower, subtypes)
                : Follower.contact(Long.parseLong(follower), subtypes);
    }

    NotificationPreference preference(String username) {
        return jdbc.sql(PREFERENCE).param("username", username).query(String.class).optional()
                .map(NotificationPreference::parse).orElse(NotificationPreference.INBOX);
    }

    void setPreference(String username, NotificationPreference p) {
        jdbc.sql(SET_PREFERENCE).param("username", username).param("channel", p.key()).update();
    }

    void notify(String username, long messageId) {
        jdbc.sql(NOTIFY).param("username", username).param("threadMessageId", messageId).update();
    }

    List<Notification> notifications(String username, int limit) {
        return jdbc.sql(NOTIFICATIONS).param("username", username).param("limit", limit).query((rs, n) -> new Notification(
                rs.getLong(1), rs.getLong(2), new RecordRef(RecordModel.parse(rs.getString(4)), rs.getLong(5)),
                MessageKind.parse(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                instant(rs.getTimestamp(10)), rs.getTimestamp(3) != null)).list();
    }

    boolean markRead(String username, long notificationId) {
        return jdbc.sql(MARK_READ).param("id", notificationId).param("username", username).update() > 0;
    }

    long insertActivity(RecordRef ref, ActivityType type, LocalDate due, String assignee, String note, String createdBy) {
        return jdbc.sql(INSERT_ACTIVITY).param("model", ref.model().key()).param("recordId", ref.id())
                .param("type", type.key()).param("dueDate", due).param("assignee", assignee).param("note", note)
                .param("createdBy", createdBy).query(Long.class).single();
    }

    Optional<Activity> activity(long id, LocalDate today) {
        return jdbc.sql(ACTIVITY).param("id", id).param("today", today).query(ThreadStore::activity).optional();
    }

    List<Activity> activities(RecordRef ref, LocalDate today) {
        return jdbc.sql(ACTIVITIES).param("model", ref.model().key()).param("recordId", ref.id()).param("today", today)
                .query(ThreadStore::activity).list();
    }

    List<Activity> dueActivities(String username, LocalDate today) {
        return jdbc.sql(DUE_ACTIVITIES).param("username", username).param("today", today)
                .query(ThreadStore::activity).list();
    }

    void updateActivity(long id, ActivityType type, LocalDate due, String assignee, String note) {
        jdbc.sql(UPDATE_ACTIVITY).param("id", id).param("type", type.key()).param("dueDate", due)
                .param("assignee", assignee).param("note", note).update();
    }

    boolean markDone(long id, String doneBy) {
        return jdbc.sql(MARK_DONE).param("id", id).param("doneBy", doneBy).update() > 0;
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new Activity(rs.getLong("id"), new RecordRef(RecordModel.parse(rs.getString("model")), rs.getLong("record_id")),
                ActivityType.parse(rs.getString("type")), rs.getObject("due_date", LocalDate.class),
                rs.getString("assignee"), rs.getString("note"), done != null, instant(done), rs.getBoolean("overdue"));
    }

    private static ThreadMessage message(ResultSet rs, int row) throws SQLException {
        MessageKind kind = MessageKind.parse(rs.getString("kind"));
        return new ThreadMessage(rs.getLong("id"), new RecordRef(RecordModel.parse(rs.getString("model")), rs.getLong("record_id")),
                kind, Subtype.parse(rs.getString("subtype")), rs.getString("author_user"), rs.getString("author_address"),
                rs.getString("subject"), rs.getString("body"), strings(rs.getArray("recipients")),
                rs.getString("message_id"), rs.getString("in_reply_to"), instant(rs.getTimestamp("created_at")));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
