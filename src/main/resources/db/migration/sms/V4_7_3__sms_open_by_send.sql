-- "Is any message of this send still open?" after every final change: one index probe, not a scan of the send.
create index sms_messages_open_by_send on sms_messages (send_id) where state in ('queued', 'held', 'sent');
