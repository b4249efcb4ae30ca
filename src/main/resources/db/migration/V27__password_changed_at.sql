-- when the account's password last changed (an administrator's reset or the person's own change): a session signed in
-- before that moment ends (DisabledAccountFilter); null for passwords unchanged since the account was created
ALTER TABLE portal_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
