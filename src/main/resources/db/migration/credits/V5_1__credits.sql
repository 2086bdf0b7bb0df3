-- Prepaid SMS credits (seed 001), counted in billed messages. See docs/adr/0007-prepaid-credits-ledger.md.

-- One row per account. Every movement of an account's credits locks this row first, so the
-- movements of one account run one at a time on every node and the balance cannot go negative.
create table credit_wallets (
    account    text primary key,
    created_at timestamptz not null
);

-- A lot is one top-up: priced by its own size, valid for 2 years, consumed oldest first.
create table credit_lots (
    id                   bigint generated always as identity primary key,
    account              text not null references credit_wallets (account),
    -- the payment or order the top-up came from; unique so a retried top-up cannot credit twice
    reference            text not null,
    messages             bigint not null check (messages > 0),
    remaining            bigint not null check (remaining between 0 and messages),
    tier                 text not null,
    -- 4.8 fen is 48: exact integers, never floating point
    unit_price_tenth_fen integer not null check (unit_price_tenth_fen > 0),
    price_fen            bigint not null check (price_fen >= 0),
    currency             text not null,
    purchased_at         timestamptz not null,
    expires_at           timestamptz not null check (expires_at > purchased_at),
    unique (account, reference)
);
-- FIFO order for reserve, and the expiry sweep; used-up lots are not in either.
create index credit_lots_fifo on credit_lots (account, expires_at, id) where remaining > 0;
create index credit_lots_expiry on credit_lots (expires_at) where remaining > 0;

-- Credits held for one send between submit and its result.
create table credit_reservations (
    send_id      text primary key,
    account      text not null references credit_wallets (account),
    messages     bigint not null check (messages > 0),
    state        text not null check (state in ('reserved', 'settled', 'frozen', 'returned', 'cancelled')),
    submitted    bigint,
    succeeded    bigint,
    billed       bigint,
    reserved_at  timestamptz not null,
    settled_at   timestamptz,
    frozen_until timestamptz,
    returned_at  timestamptz
);
create index credit_reservations_frozen on credit_reservations (frozen_until) where state = 'frozen';

-- The lots a reservation took its credits from, so whatever is not charged goes back to them.
create table credit_reservation_lots (
    send_id text not null references credit_reservations (send_id),
    lot_id  bigint not null references credit_lots (id),
    taken   bigint not null check (taken > 0),
    -- still reserved or frozen: neither charged nor returned yet
    held    bigint not null check (held between 0 and taken),
    charged bigint not null default 0 check (charged between 0 and taken),
    primary key (send_id, lot_id)
);

-- Every movement, as signed changes to three buckets: available (in lots), reserved and frozen.
-- Summed per account they equal the stored state; the check pins the shape of each kind.
create table credit_ledger (
    id        bigint generated always as identity primary key,
    account   text not null references credit_wallets (account),
    kind      text not null,
    lot_id    bigint not null references credit_lots (id),
    send_id   text,
    available bigint not null,
    reserved  bigint not null,
    frozen    bigint not null,
    at        timestamptz not null,
    check (case kind
        when 'topup'    then available > 0 and reserved = 0 and frozen = 0
        when 'reserve'  then available < 0 and reserved = -available and frozen = 0
        when 'charge'   then available = 0 and reserved < 0 and frozen = 0
        when 'release'  then available > 0 and reserved = -available and frozen = 0
        when 'freeze'   then available = 0 and reserved < 0 and frozen = -reserved
        when 'unfreeze' then available > 0 and reserved = 0 and frozen = -available
        when 'expire'   then available < 0 and reserved = 0 and frozen = 0
        else false
    end)
);
create index credit_ledger_account on credit_ledger (account, id);
