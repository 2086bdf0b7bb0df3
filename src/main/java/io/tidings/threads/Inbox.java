package io.tidings.threads;

import java.util.List;

/** A user's notifications (newest first) and their open activities due today or earlier. */
public record Inbox(List<Notification> notifications, List<Activity> dueActivities) {

    public long unread() {
        return notifications.stream().filter(n -> !n.read()).count();
    }
}
