-- Indexes for the queries that filter or sort on columns no earlier index led with (measured on PostgreSQL with
-- years of data: sequential scans of the whole table before).

-- citation links of the public lists and agency pages: current article of a title (one per cited law)
create index regulation_document_title on regulation_document (title, status);

-- the lists audit log of every agency (newest first) and the last audit line of one entry
create index lists_audit_at on lists_audit (at, id);
create index lists_audit_entry on lists_audit (entry_id, id);

-- the account log filtered by action
create index account_event_action on account_event (action, occurred_at);

-- mediation: statistics of a period (all agencies, one agency), the daily reminder and purge by status
create index mediation_case_submitted on mediation_case (submitted_at);
create index mediation_case_agency_submitted on mediation_case (agency_id, submitted_at);
create index mediation_case_status on mediation_case (status, agency_id, submitted_at);

-- figures of the last 365 days of every agency, and the nightly erasure of rating contacts
create index guidance_document_issued on guidance_document (issued_at);
create index enforcement_rating_submitted on enforcement_rating (submitted_at);
