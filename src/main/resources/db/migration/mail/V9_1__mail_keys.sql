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
