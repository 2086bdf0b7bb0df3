-- The durable outbox: every outgoing SMS, email or other channel message is a row here until it
-- reaches a final state. Workers on every node claim rows with FOR UPDATE SKIP LOCKED and a lease.
create table dispatch_messages (
    id                  bigint generated always as identity primary key,
    channel             text not null,
    provider            text,
    recipient           text not null,
    payload             jsonb not null default '{}',
    traffic             text not null check (traffic in ('transactional', 'marketing')),
    state               text not null default 'queued'
                        check (state in ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled')),
    attempts            integer not null default 0,
    max_attempts        integer not null check (max_attempts > 0),
    -- For a queued row: when it may be tried. For a sending row: when its lease runs out, so one
    -- range scan over this column finds both new work and work whose worker died.
    next_attempt_at     timestamptz not null default now(),
    lease_owner         text,
    lease_expires_at    timestamptz,
    idempotency_key     text not null unique,
    provider_message_id text,
    last_error          text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    sent_at             timestamptz
);

-- The claim query walks this in next_attempt_at order and stops after one batch; finished rows
-- (the vast majority over time) are not in it at all.
create index dispatch_messages_claimable on dispatch_messages (channel, next_attempt_at)
    where state in ('queued', 'sending');

-- Finds leases that ran out on a message's last attempt without scanning the queued backlog.
create index dispatch_messages_leased on dispatch_messages (channel, lease_expires_at)
    where state = 'sending';

-- Delivery reports arrive with the provider's id only.
create index dispatch_messages_provider_id on dispatch_messages (channel, provider_message_id)
    where provider_message_id is not null;

create table dispatch_events (
    id         bigint generated always as identity primary key,
    message_id bigint not null references dispatch_messages (id) on delete cascade,
    state      text not null,
    at         timestamptz not null default now(),
    detail     text
);
create index dispatch_events_message on dispatch_events (message_id, id);

-- One token bucket per rate-limited channel, shared by every node: a worker takes tokens in one
-- UPDATE before it claims, so all nodes together stay under the rate.
create table dispatch_rate_buckets (
    channel      text primary key,
    rate         double precision not null check (rate > 0),
    capacity     double precision not null check (capacity >= 1),
    tokens       double precision not null,
    refreshed_at timestamptz not null default clock_timestamp()
);
