-- Mediation, second part: mediator and other party's e-mail, messages, evidence files, drafts,
-- the audit log of staff views, notice-and-guidance letters. Valid on H2 2.x and PostgreSQL 15.
alter table mediation_case add column mediator varchar(100);
alter table mediation_case add column other_party_email varchar(254);
alter table mediation_case add column other_party_language varchar(10);
-- when the case reached a final state (NOT_ACCEPTED, OTHER_PARTY_DECLINED, CLOSED, WITHDRAWN); the retention period runs from it
alter table mediation_case add column finished_at timestamp with time zone;
alter table mediation_case add column submitted_from_letter varchar(20);

create index mediation_case_finished on mediation_case (finished_at);

-- steps that do not change the state: EXTENDED (deadline extension), MEDIATOR (mediator assigned)
alter table mediation_transition add column kind varchar(20);

create sequence mediation_message_seq start with 1 increment by 1;
create table mediation_message (
    id             bigint        not null primary key,
    case_id        bigint        not null references mediation_case (id) on delete cascade,
    from_applicant boolean       not null,
    author         varchar(100)  not null,
    body           varchar(4000) not null,
    sent_at        timestamp with time zone not null
);
create index mediation_message_case on mediation_message (case_id);

-- evidence files: uploaded in the wizard under the application's submission token, attached to the
-- case on submission; the file itself lives in the portal data directory, mediation-evidence/<stored_name>
create sequence mediation_evidence_seq start with 1 increment by 1;
create table mediation_evidence (
    id               bigint        not null primary key,
    case_id          bigint        references mediation_case (id) on delete cascade,
    submission_token varchar(64)   not null,
    stored_name      varchar(80)   not null,
    original_name    varchar(200)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    uploaded_at      timestamp with time zone not null,
    constraint mediation_evidence_stored_unique unique (stored_name)
);
create index mediation_evidence_case on mediation_evidence (case_id);
create index mediation_evidence_token on mediation_evidence (submission_token);

-- drafts of the wizard: the whole form AES-GCM encrypted, found by the SHA-256 of the resume code
create sequence mediation_draft_seq start with 1 increment by 1;
create table mediation_draft (
    id          bigint         not null primary key,
    code_digest varchar(64)    not null,
    payload     varchar(32000) not null,
    updated_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    constraint mediation_draft_code_unique unique (code_digest)
);
create index mediation_draft_expires on mediation_draft (expires_at);

-- every view of a case file by staff
create sequence mediation_audit_seq start with 1 increment by 1;
create table mediation_audit (
    id          bigint       not null primary key,
    case_number varchar(20)  not null,
    agency_id   varchar(80)  not null,
    username    varchar(100) not null,
    action      varchar(40)  not null,
    occurred_at timestamp with time zone not null
);
create index mediation_audit_case on mediation_audit (case_number);
create index mediation_audit_time on mediation_audit (occurred_at);

-- notice-and-guidance letters (告知引导书) with the short code that pre-fills the application
create sequence mediation_letter_seq start with 1 increment by 1;
create table mediation_letter (
    id               bigint        not null primary key,
    code             varchar(20)   not null,
    agency_id        varchar(80)   not null,
    officer          varchar(100)  not null,
    situation        varchar(30)   not null,
    category         varchar(40)   not null,
    party_name       varchar(100)  not null,
    party_email      varchar(254),
    party_language   varchar(10)   not null,
    other_party_name varchar(100)  not null,
    facts            varchar(2000) not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    constraint mediation_letter_code_unique unique (code)
);
create index mediation_letter_agency on mediation_letter (agency_id);
