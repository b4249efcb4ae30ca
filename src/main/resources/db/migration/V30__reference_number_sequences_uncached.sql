-- The public reference numbers (PJ-2026-000001, TJ-…, ZD-…) are the year and these sequences' values. H2 caches 32
-- sequence values and a restart lost the rest of the cache: the next rating after a restart was PJ-2026-000033.
-- One value at a time (PostgreSQL's default already). Valid on H2 2.x and PostgreSQL 15.
alter sequence enforcement_rating_seq cache 1;
alter sequence mediation_case_seq cache 1;
alter sequence guidance_document_seq cache 1;
