/**
 * The durable dispatch queue: outgoing messages wait in PostgreSQL until a worker on some node
 * claims them under a lease and hands them to the {@link io.tidings.dispatch.Channel} of their name.
 * Channels (SMS, email) plug in as Spring beans; retries, leases and cluster-wide rate limits live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = "shared")
package io.tidings.dispatch;
