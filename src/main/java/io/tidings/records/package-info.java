/**
 * Business records that carry a thread (seed 004): leads/opportunities moving through stages, and
 * orders with their lines and an exact total. Stage and salesperson changes are published as
 * {@link io.tidings.records.LeadChanged} so the thread can log them without records knowing threads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records",
        allowedDependencies = {"shared", "contacts", "accounts"})
package io.tidings.records;
