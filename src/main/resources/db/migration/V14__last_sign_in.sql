-- When each staff account last signed in, for finding accounts nobody uses any more. Empty until the next sign-in.
-- Valid on H2 2.x and PostgreSQL 15.
ALTER TABLE portal_user ADD COLUMN last_sign_in_at TIMESTAMP WITH TIME ZONE;
