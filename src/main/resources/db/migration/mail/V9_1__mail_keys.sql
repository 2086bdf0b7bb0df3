-- Secrets that sign reply, bounce (VERP) and unsubscribe addresses; one row per purpose, made on first use.
create table mail_secrets (
    name       text primary key,
    secret     bytea not null,
    created_at timestamptz not null default now()
);

-- DKIM keys Tidings generated and keeps: one active RSA-2048 key per domain and selector.
create table mail_dkim_keys (
    domain      text not null,
    selector    text not null,
    private_der bytea not null,
    public_der  bytea not null,
    created_at  timestamptz not null default now(),
    primary key (domain, selector)
);

-- What bounces taught us about each address: a hard bounce marks it bounced at once, soft bounces after a limit.
create table mail_address_health (
    address       text primary key,          -- lower case
    soft_bounces  int not null default 0,    -- soft bounces since the last delivery or reset
    hard_bounces  int not null default 0,
    bounced_at    timestamptz,               -- set once the address counts as bounced; no mail is sent to it
    last_reason   text,
    updated_at    timestamptz not null default now()
);
