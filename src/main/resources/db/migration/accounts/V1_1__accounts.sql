create table users (
    id            bigint generated always as identity primary key,
    username      text not null,
    display_name  text not null default '',
    email         text,
    password_hash text not null,
    role          text not null check (role in ('admin', 'marketer', 'salesperson', 'viewer')),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);
create unique index users_username_uq on users (lower(username));

-- Only the SHA-256 of a token is kept; the token itself is shown once, when it is made.
create table api_tokens (
    id           bigint generated always as identity primary key,
    name         text not null,
    token_hash   bytea not null unique,
    prefix       text not null,
    role         text not null check (role in ('admin', 'marketer', 'salesperson', 'viewer')),
    created_by   bigint references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Failed logins, shared by every node, so throttling holds across the cluster.
create table login_failures (
    username   text not null,
    ip         text,
    failed_at  timestamptz not null default now()
);
create index login_failures_user_time on login_failures (lower(username), failed_at);
