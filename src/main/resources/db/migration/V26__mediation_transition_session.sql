-- The session time a scheduling or a move of the session set, so that the timeline shows every time the session was
-- set to; empty for every other step and for steps recorded before. Valid on H2 2.x and PostgreSQL 15.
alter table mediation_transition add column session_at timestamp with time zone;
