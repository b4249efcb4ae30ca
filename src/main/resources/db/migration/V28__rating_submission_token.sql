-- 好差评: the public form sends a token made once for each rendering of the form; the same form arriving twice
-- (a double click, a resend) finds the rating stored first by it instead of storing a second one.
-- Null for the ratings stored before and for trusted callers. Valid on H2 2.x and PostgreSQL 15 (both let a unique
-- constraint hold any number of nulls).
alter table enforcement_rating add column submission_token varchar(64);
alter table enforcement_rating add constraint enforcement_rating_token_unique unique (submission_token);
