-- A version per entered year of the working-day calendar: a save names the version its administrator saw, so two
-- administrators editing the same year cannot overwrite each other unseen. Valid on H2 2.x and PostgreSQL 15.
alter table working_calendar_year add column version integer default 1 not null;
