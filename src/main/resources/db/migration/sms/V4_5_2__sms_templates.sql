-- SMS templates (seed 001): reviewed before use; chosen only by sends whose context offers their variables.
-- See docs/adr/0010-signatures-templates-short-links.md.
create table sms_templates (
    id               bigint generated always as identity primary key,
    name             text not null unique,
    body             text not null,
    traffic          text not null check (traffic in ('transactional', 'marketing')),
    context          text not null check (context in ('customer', 'order', 'product')),
    -- the smallest context level offering every variable of the body (1 customer, 2 order,
    -- 3 product); levels are cumulative, so a send at level L may choose templates with needs_level <= L
    needs_level      smallint not null check (needs_level between 1 and 3),
    state            text not null check (state in ('pending', 'approved', 'rejected')),
    rejection_reason text,
    created_by       text not null,
    created_at       timestamptz not null,
    reviewed_by      text,
    reviewed_at      timestamptz,
    check ((state = 'rejected') = (rejection_reason is not null))
);
create index sms_templates_usable on sms_templates (needs_level, name) where state = 'approved';
