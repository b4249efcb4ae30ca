-- The editors' list of an agency (and the staff workbench, for every agency) shows each entry's title and effective
-- dates from its newest version. They are kept beside the payload, filled on every save, so that the list is read
-- without the payloads (up to 200,000 characters each). Versions stored before this migration keep null here and
-- are read from their payload (a null title marks them: every entry has a title).
-- Valid on H2 2.x and PostgreSQL 15.
alter table lists_entry_version add column title varchar(1000);
alter table lists_entry_version add column effective_from date;
alter table lists_entry_version add column effective_to date;
