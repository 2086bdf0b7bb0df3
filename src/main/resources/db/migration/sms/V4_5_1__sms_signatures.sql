-- Sender signatures (seed 001): applied for, reviewed, only approved ones are sent.
-- See docs/adr/0010-signatures-templates-short-links.md.
create table sms_signatures (
    id               bigint generated always as identity primary key,
    -- without 【】; SenderSignature checks the rule (3-12 characters, Chinese required)
    value            text not null unique,
    state            text not null check (state in ('pending', 'approved', 'rejected')),
    rejection_reason text,
    applied_by       text not null,
    applied_at       timestamptz not null,
    reviewed_by      text,
    reviewed_at      timestamptz,
    -- a rejection always says why, and nothing else carries a reason
    check ((state = 'rejected') = (rejection_reason is not null))
);
