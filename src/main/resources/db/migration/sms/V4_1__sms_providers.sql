-- SMS providers (Twilio, Vonage, SMPP, the sandbox). See docs/adr/0009-sms-providers-and-webhooks.md.
create table sms_providers (
    id         bigint generated always as identity primary key,
    kind       text not null check (kind in ('sandbox', 'twilio', 'vonage', 'smpp')),
    name       text not null unique check (length(name) between 1 and 100),
    -- credentials, base URL, default sender: the shape belongs to the kind's SmsGatewayFactory
    config     jsonb not null default '{}' check (jsonb_typeof(config) = 'object'),
    enabled    boolean not null default true,
    -- bumped by every change, so each node rebuilds its cached gateway when another node edited the row
    version    bigint not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
