-- Every MX mail is one insert (ADR 0014, Speed), so each index on mail_inbound is paid per mail.
-- "Newest first" pages walk the primary key backwards just as well as a second (id desc) index.
drop index if exists mail_inbound_recent;
