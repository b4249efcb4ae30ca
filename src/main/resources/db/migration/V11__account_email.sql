-- A staff member's own address for notices about their work (for example a mediation case assigned to them).
-- Optional; valid on H2 2.x and PostgreSQL 15.
ALTER TABLE portal_user ADD COLUMN email VARCHAR(254);
