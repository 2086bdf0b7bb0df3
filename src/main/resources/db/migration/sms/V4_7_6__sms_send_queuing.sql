-- A large send is queued in chunks, each its own transaction, so dispatch starts on the first chunk while the
-- rest is still being written (ADR 0011, "queued in chunks"). While that goes on the send is 'queuing': settlement
-- only ever settles a 'sending' send, so one whose first messages are all final before the last chunk is queued
-- cannot settle early. queued counts the messages queued so far and queued_at is when the last chunk committed;
-- a 'queuing' send whose queued_at stops moving (its node died mid-way) is turned to 'sending' by a sweep with a
-- note, and settles on what was queued: the credits of the rest come back.
alter table sms_sends drop constraint sms_sends_state_check;
alter table sms_sends add constraint sms_sends_state_check check (state in ('queuing', 'sending', 'settled', 'frozen'));
alter table sms_sends add column queued int;
alter table sms_sends add column queued_at timestamptz;
alter table sms_sends add column note text;
create index sms_sends_queuing on sms_sends (queued_at) where state = 'queuing';
