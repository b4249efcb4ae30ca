-- A password set by someone else (a new account's initial password, a reset, the generated first administrator's)
-- must be replaced by the person at their next sign-in. Existing accounts are not affected.
-- Valid on H2 2.x and PostgreSQL 15.
ALTER TABLE portal_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
