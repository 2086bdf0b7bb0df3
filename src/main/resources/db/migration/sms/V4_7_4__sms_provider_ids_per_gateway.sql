-- A provider message id is unique only within its gateway: two SMSCs both number their messages from 1.
drop index sms_messages_provider_id;
create unique index sms_messages_provider_id on sms_messages (gateway, provider_message_id) where provider_message_id is not null;
alter table sms_pending_reports drop constraint sms_pending_reports_pkey;
alter table sms_pending_reports add primary key (gateway, provider_message_id);
