-- Outgoing SMTP servers configured in the UI or the API. The one in TIDINGS_SMTP_URL is not stored here:
-- it comes from the environment on every start and is always used as well.
create table mail_servers (
    id         bigint generated always as identity primary key,
    name       text not null unique,
    host       text not null,
    port       int not null check (port between 1 and 65535),
    security   text not null check (security in ('none', 'starttls', 'tls')),
    username   text,
    password   text,                      -- shown masked by the API and the UI
    priority   int not null default 100,  -- lower is tried first; the next one takes over when it is down
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
