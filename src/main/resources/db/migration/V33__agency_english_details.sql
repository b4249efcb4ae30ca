-- The agency's office hours and address in English (optional in the agency file, like name_en): English pages and
-- English mails show them, the Chinese texts otherwise. Stored empty when the file gives none, as name_en is.
-- Valid on H2 2.x and PostgreSQL 15.
ALTER TABLE agency ADD COLUMN address_en VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE agency ADD COLUMN office_hours_en VARCHAR(1000) DEFAULT '' NOT NULL;
