-- Business records that carry a thread (seed 004): leads/opportunities and orders.
-- Money is exact: minor units (cents) as bigint plus an ISO 4217 currency, never floating point.
create table leads (
    id                     bigint generated always as identity primary key,
    name                   text not null,
    -- A lead outlives the contact it was about: the history stays, the link goes.
    contact_id             bigint references contacts (id) on delete set null,
    stage                  text not null default 'new'
                           check (stage in ('new', 'qualified', 'proposition', 'won', 'lost')),
    salesperson            text,
    priority               smallint not null default 0 check (priority between 0 and 3),
    expected_revenue_minor bigint check (expected_revenue_minor >= 0),
    currency               text check (currency ~ '^[A-Z]{3}$'),
    tags                   text[] not null default '{}',
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index leads_contact on leads (contact_id);

create table orders (
    id          bigint generated always as identity primary key,
    number      text not null unique,
    -- Orders are kept for accounting when a contact is deleted.
    contact_id  bigint references contacts (id) on delete set null,
    order_date  date not null,
    state       text not null default 'draft' check (state in ('draft', 'confirmed', 'shipped', 'cancelled')),
    currency    text not null check (currency ~ '^[A-Z]{3}$'),
    total_minor bigint not null default 0 check (total_minor >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
-- "Bought in the last two years" audiences read a contact's orders by date.
create index orders_contact_date on orders (contact_id, order_date);

create table order_lines (
    order_id         bigint not null references orders (id) on delete cascade,
    line_no          integer not null,
    product          text not null,
    quantity         integer not null check (quantity > 0),
    unit_price_minor bigint not null check (unit_price_minor >= 0),
    primary key (order_id, line_no)
);
