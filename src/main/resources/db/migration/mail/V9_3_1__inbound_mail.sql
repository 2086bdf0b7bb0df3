-- Every mail that came in (MX, IMAP or forwarded), raw bytes first: it is stored before the SMTP server
-- answers 250 or the IMAP UID is marked taken, so routing may fail but no mail is ever lost.
create table mail_inbound (
    id               bigint generated always as identity primary key,
    received_at      timestamptz not null default now(),
    source           text not null check (source in ('smtp', 'imap')),
    mailbox_id       bigint,                      -- the IMAP mailbox it was fetched from
    remote_address   text,                        -- SMTP peer
    helo             text,
    envelope_from    text,                        -- '' is the null sender <> of bounces; null when unknown (IMAP without Return-Path)
    envelope_to      text[] not null default '{}',
    raw              bytea not null,
    size             int not null,
    -- filled in by parsing; null while pending or when the mail could not be parsed
    message_id       text,
    from_address     text,
    subject          text,
    html_sanitized   text,                        -- only ever the sanitised HTML, never the original
    -- what routing did: pending until routed, then one of the routes
    route            text not null default 'pending'
                     check (route in ('pending', 'reply', 'auto_reply', 'alias', 'bounce', 'duplicate', 'catchall')),
    route_detail     text,
    error            text,                        -- why it is in the catch-all, when parsing or routing failed
    record_model     text,
    record_id        bigint,
    thread_message_id bigint,
    routed_at        timestamptz
);
create index mail_inbound_recent on mail_inbound (id desc);
create index mail_inbound_catchall on mail_inbound (id desc) where route = 'catchall';
-- routing left undone (a crash between storing and routing) is picked up again
create index mail_inbound_pending on mail_inbound (id) where route = 'pending';
create index mail_inbound_by_message_id on mail_inbound (message_id) where message_id is not null;

-- IMAP mailboxes fetched every tidings.mail.imap.poll-interval. One node at a time holds a mailbox's lease.
create table mail_mailboxes (
    id            bigint generated always as identity primary key,
    name          text not null unique,
    host          text not null,
    port          int not null check (port between 1 and 65535),
    tls           boolean not null default true,   -- imaps (TLS from the first byte); false is plain imap
    username      text not null,
    password      text not null,                   -- never shown back: the API and UI mask it
    folder        text not null default 'INBOX',
    enabled       boolean not null default true,
    uid_validity  bigint,                          -- the folder's UIDVALIDITY the last UID belongs to
    last_uid      bigint not null default 0,
    lease_owner   text,
    lease_until   timestamptz,
    last_poll_at  timestamptz,
    last_error    text,
    fetched       bigint not null default 0,
    created_at    timestamptz not null default now()
);

-- Each (mailbox, UIDVALIDITY, UID) is taken once, in the same transaction as its raw mail.
create table mail_imap_taken (
    mailbox_id   bigint not null references mail_mailboxes (id) on delete cascade,
    uid_validity bigint not null,
    uid          bigint not null,
    inbound_id   bigint,
    taken_at     timestamptz not null default now(),
    primary key (mailbox_id, uid_validity, uid)
);
