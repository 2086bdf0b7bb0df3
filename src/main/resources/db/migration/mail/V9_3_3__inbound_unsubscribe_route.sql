-- Mail to unsubscribe@<domain> (the mailto: of List-Unsubscribe) with a signed token in its subject opts the address out.
alter table mail_inbound drop constraint mail_inbound_route_check;
alter table mail_inbound add constraint mail_inbound_route_check
    check (route in ('pending', 'reply', 'auto_reply', 'alias', 'bounce', 'duplicate', 'unsubscribe', 'catchall'));
