-- ILIKE '%q%' over name, email, phone and company stays an index lookup at millions of rows only
-- with trigrams. The embedded server ships pg_trgm; an external one may need a superuser once.
create extension if not exists pg_trgm;

create table contacts (
    id             bigint generated always as identity primary key,
    name           text,
    email          text,   -- stored lowercase: it is the matching key
    phone          text,   -- E.164
    phone_country  text,   -- region of the number (ISO 3166-1 alpha-2), not necessarily where the person lives
    phone_type     text,   -- mobile, fixed_line, fixed_line_or_mobile, voip, toll_free, ...
    country        text,
    timezone       text,
    language       text,
    company        text,
    tags           text[] not null default '{}',
    custom_fields  jsonb  not null default '{}',
    email_consent  text   not null default 'unknown' check (email_consent in ('opted_in', 'opted_out', 'unknown')),
    sms_consent    text   not null default 'unknown' check (sms_consent in ('opted_in', 'opted_out', 'unknown')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create unique index contacts_email_uq on contacts (lower(email)) where email is not null;
create unique index contacts_phone_uq on contacts (phone) where phone is not null;
-- One trigram index over one expression rather than four indexes: every imported row pays for
-- each index it enters, and trigrams are the dearest part of an insert. An expression, not a stored
-- column, so the heap does not carry the text twice. ContactStore.SEARCH_TEXT must match it exactly.
create index contacts_search_trgm on contacts using gin (
    (coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(company, ''))
    gin_trgm_ops);
create index contacts_tags on contacts using gin (tags);

-- Every consent change, with how and by whom: the proof a regulator asks for.
create table consent_log (
    id          bigint generated always as identity primary key,
    contact_id  bigint not null references contacts (id) on delete cascade,
    channel     text   not null check (channel in ('email', 'sms')),
    state       text   not null check (state in ('opted_in', 'opted_out', 'unknown')),
    how         text   not null,
    source      text,
    actor       text,
    ip          text,
    changed_at  timestamptz not null default now()
);
create index consent_log_contact on consent_log (contact_id, id);

-- Addresses that must never receive marketing, whether or not a contact holds them.
create table blocklist (
    channel     text not null check (channel in ('email', 'sms')),
    address     text not null,  -- lowercase email or E.164 phone
    reason      text,
    created_by  text,
    created_at  timestamptz not null default now(),
    primary key (channel, address)
);

-- Import jobs live here, not in memory, so any node can answer for their status.
create table contact_imports (
    id              bigint generated always as identity primary key,
    status          text   not null check (status in ('running', 'done', 'failed')),
    options         jsonb  not null,
    actor           text,
    node            text,
    processed       bigint not null default 0,
    imported        bigint not null default 0,
    updated         bigint not null default 0,
    skipped         bigint not null default 0,
    rejected_count  bigint not null default 0,
    rejected        jsonb  not null default '[]',  -- the first 10,000 rejected rows; the count stays exact
    error           text,
    started_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    finished_at     timestamptz
);
