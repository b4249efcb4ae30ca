-- The texts people type into mediation, guidance, the lists and the agency details are limited in characters (an
-- emoji or 𠀀 counts once), and H2 limits a varchar in UTF-16 units (two for such a character): the columns hold twice
-- the limit, so that a text of the limit in such characters is stored. Columns already twice their limit (a message's body: 2000 characters in
-- varchar(4000)) and identifiers, codes, addresses of mail, phone and id numbers (ASCII) are left as they are.
-- Valid on H2 2.x and PostgreSQL 15.

-- A mediation application (MediationService: name 100, address 300, other party's contact 200, facts 4000,
-- request 2000, preferred times 500) and the officers' texts on the case (MediationBackOffice: session place 500,
-- agreement terms 4000).
ALTER TABLE mediation_case ALTER COLUMN applicant_name SET DATA TYPE VARCHAR(200);
ALTER TABLE mediation_case ALTER COLUMN address SET DATA TYPE VARCHAR(600);
ALTER TABLE mediation_case ALTER COLUMN other_party_name SET DATA TYPE VARCHAR(200);
ALTER TABLE mediation_case ALTER COLUMN other_party_contact SET DATA TYPE VARCHAR(400);
ALTER TABLE mediation_case ALTER COLUMN facts SET DATA TYPE VARCHAR(8000);
ALTER TABLE mediation_case ALTER COLUMN request_text SET DATA TYPE VARCHAR(4000);
ALTER TABLE mediation_case ALTER COLUMN preferred_times SET DATA TYPE VARCHAR(1000);
ALTER TABLE mediation_case ALTER COLUMN session_place SET DATA TYPE VARCHAR(1000);
ALTER TABLE mediation_case ALTER COLUMN agreement_terms SET DATA TYPE VARCHAR(8000);
-- The history's copy of a reason (2000: withdrawal, refusal, extension, failure) or of a new session place (500).
ALTER TABLE mediation_transition ALTER COLUMN reason SET DATA TYPE VARCHAR(4000);
-- An invitation letter (MediationLetters: names 100, facts 2000).
ALTER TABLE mediation_letter ALTER COLUMN party_name SET DATA TYPE VARCHAR(200);
ALTER TABLE mediation_letter ALTER COLUMN other_party_name SET DATA TYPE VARCHAR(200);
ALTER TABLE mediation_letter ALTER COLUMN facts SET DATA TYPE VARCHAR(4000);

-- A written guidance (GuidanceService: party's name 100, subject 100, findings and advice 2000, basis 500, the
-- party's reply note 1000, the visit's note 2000, the reason it was voided 500).
ALTER TABLE guidance_document ALTER COLUMN party_name SET DATA TYPE VARCHAR(200);
ALTER TABLE guidance_document ALTER COLUMN subject SET DATA TYPE VARCHAR(200);
ALTER TABLE guidance_document ALTER COLUMN findings SET DATA TYPE VARCHAR(4000);
ALTER TABLE guidance_document ALTER COLUMN advice SET DATA TYPE VARCHAR(4000);
ALTER TABLE guidance_document ALTER COLUMN basis SET DATA TYPE VARCHAR(1000);
ALTER TABLE guidance_document ALTER COLUMN reply_note SET DATA TYPE VARCHAR(2000);
ALTER TABLE guidance_document ALTER COLUMN visit_note SET DATA TYPE VARCHAR(4000);
ALTER TABLE guidance_document ALTER COLUMN void_reason SET DATA TYPE VARCHAR(1000);

-- The lists' entries, from their files and the back office's forms alike (ListEntryForms, ListFileParser: a sector
-- 100 characters; the title column holds a risk point's title, 200, or an exemption's or a benchmark's violation,
-- 1000), a version's copy of the title and the audit's copy of it (its detail).
ALTER TABLE lists_entry ALTER COLUMN sector SET DATA TYPE VARCHAR(200);
ALTER TABLE lists_entry ALTER COLUMN title SET DATA TYPE VARCHAR(2000);
ALTER TABLE lists_entry_version ALTER COLUMN title SET DATA TYPE VARCHAR(2000);
ALTER TABLE lists_audit ALTER COLUMN detail SET DATA TYPE VARCHAR(2000);

-- An agency's details, from its file and the back office's form alike (AgencyFileParser: name 200, English name
-- 300, region and legal representative 100, address and office hours 500, in English 1000, a power's name and a
-- legal basis 500, an officer's name 100).
ALTER TABLE agency ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE agency ALTER COLUMN name_en SET DATA TYPE VARCHAR(600);
ALTER TABLE agency ALTER COLUMN region SET DATA TYPE VARCHAR(200);
ALTER TABLE agency ALTER COLUMN legal_representative SET DATA TYPE VARCHAR(200);
ALTER TABLE agency ALTER COLUMN address SET DATA TYPE VARCHAR(1000);
ALTER TABLE agency ALTER COLUMN office_hours SET DATA TYPE VARCHAR(1000);
ALTER TABLE agency ALTER COLUMN address_en SET DATA TYPE VARCHAR(2000);
ALTER TABLE agency ALTER COLUMN office_hours_en SET DATA TYPE VARCHAR(2000);
ALTER TABLE agency_power ALTER COLUMN name SET DATA TYPE VARCHAR(1000);
ALTER TABLE agency_legal_basis ALTER COLUMN reference SET DATA TYPE VARCHAR(1000);
ALTER TABLE agency_officer ALTER COLUMN name SET DATA TYPE VARCHAR(200);

-- The working calendar's source, the notice the dates come from (WorkingCalendar: 500), and the change log's copy.
ALTER TABLE working_calendar_year ALTER COLUMN source SET DATA TYPE VARCHAR(1000);
ALTER TABLE working_calendar_log ALTER COLUMN source SET DATA TYPE VARCHAR(1000);

-- A draft of an application, encrypted and base64 (ASCII): all its fields at their limits in four-byte characters
-- (𠀀, an emoji; four UTF-8 bytes, some 5.4 base64 characters each) come to some 40,000.
ALTER TABLE mediation_draft ALTER COLUMN payload SET DATA TYPE VARCHAR(48000);
