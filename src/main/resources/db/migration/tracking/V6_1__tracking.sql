-- Tracked short links. See docs/adr/0010-signatures-templates-short-links.md.

-- Links may only go to these domains and their subdomains (seed 001: long links of allowed domains).
create table tracking_domains (
    domain   text primary key check (domain = lower(domain) and domain <> ''),
    added_by text not null,
    added_at timestamptz not null
);

-- One row per send and target: what the statistics of a link are about.
create table tracking_links (
    id         bigint generated always as identity primary key,
    send_id    text not null,
    target     text not null check (target ~* '^https?://'),
    created_at timestamptz not null,
    unique (send_id, target)
);

-- One code per recipient of a link, so a click says who clicked while the URL stays short:
-- the code is the whole path (/l/<code>); link and recipient are looked up, never carried in the URL.
create table tracking_codes (
    code          text primary key check (code ~ '^[0-9A-Za-z]{8,}$'),
    link_id       bigint not null references tracking_links (id),
    recipient_key text not null,
    created_at    timestamptz not null,
    unique (link_id, recipient_key)
);

-- Every click. No IP address is kept; the user agent only as a hash, to tell apart devices and
-- link-preview bots without storing what identifies a person.
create table tracking_clicks (
    id              bigint generated always as identity primary key,
    code            text not null references tracking_codes (code),
    link_id         bigint not null references tracking_links (id),
    recipient_key   text not null,
    clicked_at      timestamptz not null,
    user_agent_hash text
);
create index tracking_clicks_link on tracking_clicks (link_id, recipient_key);
