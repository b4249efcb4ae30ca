-- A rating's comment and follow-up note are limited in characters (1000 and 2000; an emoji or 𠀀 counts once), and H2
-- limits a varchar in UTF-16 units (two for such a character): the columns hold twice the limit, so that a text of
-- the limit in such characters is stored. The contact name (50 characters) fits its varchar(100) already.
-- Valid on H2 2.x and PostgreSQL 15.
ALTER TABLE enforcement_rating ALTER COLUMN comment SET DATA TYPE VARCHAR(2000);
ALTER TABLE enforcement_rating ALTER COLUMN follow_up_note SET DATA TYPE VARCHAR(4000);
