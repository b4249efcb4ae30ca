-- The office of an agency that handles administrative mediation (optional mediation_email in the agency file);
-- mail about mediation cases goes to the supervision address when it is empty. Valid on H2 2.x and PostgreSQL 15.
alter table agency add column mediation_email varchar(254);
