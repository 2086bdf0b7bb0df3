-- The SMS send path: rate cards, sends, their messages and state history, early delivery reports,
-- inbound replies. See docs/adr/0011-sms-send-path.md.

-- A price per segment for one route (provider x country x traffic x sender type) from a monthly
-- volume on. Prices are exact: price_micros is millionths of the currency unit, never a float.
create table sms_rates (
    id                 bigint generated always as identity primary key,
    provider_id        bigint not null references sms_providers (id) on delete cascade,
    country            text not null check (country ~ '^[A-Z]{2}$'),
    traffic            text not null check (traffic in ('transactional', 'marketing')),
    sender_type        text not null check (sender_type in ('short_code', 'long_code', 'alphanumeric')),
    min_monthly_volume bigint not null default 0 check (min_monthly_volume >= 0),
    price_micros       bigint not null check (price_micros >= 0),
    currency           text not null check (currency ~ '^[A-Z]{3}$'),
    updated_at         timestamptz not null default now(),
    unique (provider_id, country, traffic, sender_type, min_monthly_volume)
);
create index sms_rates_route on sms_rates (country, traffic);

create table sms_sends (
    id            text primary key,
    account       text not null,
    traffic       text not null check (traffic in ('transactional', 'marketing')),
    profile       text not null check (profile in ('intl', 'cn')),
    test          boolean not null,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    recipients    int not null,
    eligible      int not null,
    held          int not null,
    excluded      int not null,
    -- billing units reserved (segments, or cn messages) and provider cost per currency in micros
    credits       bigint not null,
    costs         jsonb not null default '{}',
    state         text not null check (state in ('sending', 'settled', 'frozen')),
    submitted     int,
    succeeded     int,
    billed        bigint,
    settled_at    timestamptz
);

-- One row per recipient of a send, and per keyword confirmation (send_id null: not billed by a send).
create table sms_messages (
    id                  bigint generated always as identity primary key,
    send_id             text references sms_sends (id),
    contact_id          bigint,
    to_e164             text not null,
    country             text not null,
    text                text not null,
    encoding            text not null,
    segments            int not null,
    price_micros        bigint not null,
    currency            text not null,
    provider_id         bigint not null,
    gateway             text,
    dispatch_message_id bigint,
    provider_message_id text,
    traffic             text not null check (traffic in ('transactional', 'marketing')),
    smart               boolean not null default false,
    state               text not null check (state in ('queued', 'held', 'sent', 'delivered', 'failed', 'rejected', 'cancelled')),
    error               text,
    not_before          timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    sent_at             timestamptz,
    final_at            timestamptz
);
create index sms_messages_send on sms_messages (send_id);
create index sms_messages_contact on sms_messages (contact_id, id);
create index sms_messages_to on sms_messages (to_e164, id);
create unique index sms_messages_provider_id on sms_messages (provider_message_id) where provider_message_id is not null;
-- submitted this month per provider, for volume tiers
create index sms_messages_provider_month on sms_messages (provider_id, sent_at) where sent_at is not null;

create table sms_message_events (
    id         bigint generated always as identity primary key,
    message_id bigint not null references sms_messages (id) on delete cascade,
    state      text not null,
    detail     text,
    at         timestamptz not null default now()
);
create index sms_message_events_message on sms_message_events (message_id, id);

-- A delivery report whose provider id is not stored yet (the provider answered the report before the
-- submit result was written), or whose dispatch row was not yet marked sent: applied when it can be.
create table sms_pending_reports (
    provider_message_id text primary key,
    gateway             text not null,
    status              text not null check (status in ('delivered', 'failed')),
    error_code          text,
    detail              text,
    reported_at         timestamptz not null,
    applied_to_sms      boolean not null default false,
    received_at         timestamptz not null default now()
);

create table sms_inbound (
    id                  bigint generated always as identity primary key,
    gateway             text not null,
    provider_message_id text,
    from_e164           text not null,
    to_number           text,
    text                text not null,
    contact_id          bigint,
    kind                text not null check (kind in ('reply', 'opt_out', 'opt_in', 'help')),
    received_at         timestamptz not null default now()
);
create index sms_inbound_contact on sms_inbound (contact_id, id);
create unique index sms_inbound_provider_id on sms_inbound (gateway, provider_message_id) where provider_message_id is not null;
