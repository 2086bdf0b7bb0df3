-- What the send path's sweeps look for: sends not settled yet, messages waiting for a report or a worker.
create index sms_sends_sending on sms_sends (created_at) where state = 'sending';
create index sms_messages_open on sms_messages (state, updated_at) where state in ('queued', 'held', 'sent');
