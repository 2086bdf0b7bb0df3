-- What a running import is doing: 'loading' rows, or 'indexing' (an initial load into a nearly empty
-- contacts table drops the search indexes and builds them again before it says done; ADR 0003).
-- bulk says which way it loaded. Null phase once the import has ended.
alter table contact_imports add column phase text check (phase in ('loading', 'indexing'));
alter table contact_imports add column bulk boolean not null default false;
