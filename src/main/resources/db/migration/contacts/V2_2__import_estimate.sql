-- Lines in the uploaded file (minus the header), counted before the import starts, so a progress
-- bar has a denominator. An estimate: a quoted field may hold a line break.
alter table contact_imports add column estimated_rows bigint;
