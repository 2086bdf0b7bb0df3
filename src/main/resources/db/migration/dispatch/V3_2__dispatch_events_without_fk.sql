-- dispatch_events is the queue's history, written only by the statement that changes a message's state (a
-- data-modifying CTE over the rows it just changed), so its message_id always names an existing message. The
-- foreign key added nothing to that but a trigger and a lookup of the message for every history row: four per
-- message sent, about a tenth of PostgreSQL's time on the SMS send path (ADR 0011). Messages are never deleted;
-- whoever adds a purge deletes the history with them.
alter table dispatch_events drop constraint if exists dispatch_events_message_id_fkey;
