-- Every message row is written three times (queued, sent, final) and none of these updates can be HOT, so each
-- index costs three entries per message. Two of them serve nothing the send path needs:
-- sms_messages_to (to_e164, id) is read by no query; the sweeps' (state, updated_at) index is covered by the
-- partial index of open messages by send, which holds only the open rows the sweeps look through.
drop index if exists sms_messages_to;
drop index if exists sms_messages_open;
