/**
 * Tracked short links (seed 001, seed 003's Link Tracker): an allow-list of link domains, long links
 * turned into short per-recipient links served at {@code /l/<code>}, and the clicks they record.
 * Internals live in {@code links}; other modules see only {@link io.tidings.tracking.TrackingApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracking", allowedDependencies = "shared")
package io.tidings.tracking;
