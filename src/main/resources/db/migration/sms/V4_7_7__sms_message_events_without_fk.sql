-- sms_message_events is written only by the statements that change a message (data-modifying CTEs over the rows
-- they changed), so message_id always names an existing message; the foreign key only cost a trigger and a lookup
-- per history row, three per message (ADR 0011). Messages are never deleted; a purge deletes their history too.
alter table sms_message_events drop constraint if exists sms_message_events_message_id_fkey;
