-- The thread of a record (seed 004): one per contact, lead and order, keyed by model + id rather than
-- by foreign keys, so any module's record can have one and a deleted record's history stays readable.
create table thread_messages (
    id             bigint generated always as identity primary key,
    model          text not null check (model in ('contact', 'lead', 'order')),
    record_id      bigint not null,
    kind           text not null check (kind in ('email_out', 'email_in', 'sms_out', 'sms_in', 'note', 'change')),
    subtype        text not null check (subtype in ('discussion', 'note', 'stage_change')),
    author_user    text,
    author_address text,
    subject        text,
    -- Plain text only: HTML mail is reduced to text before it is stored (see ADR 0012).
    body           text not null default '',
    recipients     text[] not null default '{}',
    -- RFC 5322 Message-ID and In-Reply-To, so replies can be routed back to this thread.
    message_id     text unique,
    in_reply_to    text,
    created_at     timestamptz not null default now()
);
create index thread_messages_record on thread_messages (model, record_id, id desc);

create table thread_followers (
    model         text not null,
    record_id     bigint not null,
    follower_kind text not null check (follower_kind in ('user', 'contact')),
    -- a user name, or a contact id as text
    follower      text not null,
    subtypes      text[] not null,
    created_at    timestamptz not null default now(),
    primary key (model, record_id, follower_kind, follower)
);

create table notification_preferences (
    username text primary key,
    channel  text not null check (channel in ('email', 'inbox'))
);

create table inbox_notifications (
    id         bigint generated always as identity primary key,
    username   text not null,
    message_id bigint not null references thread_messages (id) on delete cascade,
    read_at    timestamptz,
    created_at timestamptz not null default now()
);
create index inbox_notifications_user on inbox_notifications (username, id desc);

create table thread_activities (
    id         bigint generated always as identity primary key,
    model      text not null,
    record_id  bigint not null,
    type       text not null check (type in ('to_do', 'call', 'meeting', 'email')),
    due_date   date not null,
    assignee   text not null,
    note       text,
    done_at    timestamptz,
    done_by    text,
    created_by text,
    created_at timestamptz not null default now()
);
create index thread_activities_record on thread_activities (model, record_id, due_date);
-- The inbox asks for one user's open activities due by a date.
create index thread_activities_open on thread_activities (assignee, due_date) where done_at is null;
