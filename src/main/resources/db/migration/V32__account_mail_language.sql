-- The language of each staff account's last sign-in (zh-CN, zh-TW or en): the mails to the person's own address (a
-- mediation case assigned, an applicant's message, the daily reminders, a party's reply to a guidance) are written in
-- it. Empty until the next sign-in, which counts as Simplified Chinese. Valid on H2 2.x and PostgreSQL 15.
ALTER TABLE portal_user ADD COLUMN mail_language VARCHAR(16);
