/**
 * The thread of every record (seed 004, "chatter"): messages (email, SMS, internal notes, tracked
 * changes), followers and their notification by preference, activities, and each user's inbox.
 * Mail transport is not here: email goes out through the dispatch queue on channel "email".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Threads",
        allowedDependencies = {"shared", "contacts", "records", "accounts", "dispatch", "sms"})
package io.tidings.threads;
