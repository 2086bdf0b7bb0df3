/**
 * Mail (seed 004): SMTP transports that send the dispatch queue's {@code email} channel, DKIM keys and
 * signing, VERP return paths, signed reply and unsubscribe addresses, the DNS records to publish and
 * their live check, and the three ways mail comes in (MX through the built-in SMTP server, an IMAP
 * mailbox, forwarding) with routing into record threads, aliases, bounces and a catch-all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
        allowedDependencies = {"shared", "platform", "contacts", "records", "accounts", "dispatch", "threads"})
package io.tidings.mail;
