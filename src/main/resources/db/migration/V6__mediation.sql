-- Administrative mediation (行政调解): cases and their recorded transitions.
-- ID numbers are stored AES-GCM encrypted (id_number_encrypted) plus a masked copy for display;
-- access codes only as salted hashes. Valid on H2 2.x and PostgreSQL 15.
create sequence mediation_case_seq start with 1 increment by 1;
create sequence mediation_transition_seq start with 1 increment by 1;

create table mediation_case (
    id                  bigint        not null primary key,
    version             bigint        not null,
    -- assigned from the id right after the insert, in the same transaction
    case_number         varchar(20),
    submission_token    varchar(64)   not null,
    access_code_hash    varchar(120)  not null,
    category            varchar(40)   not null,
    agency_id           varchar(80)   not null,
    status              varchar(30)   not null,
    applicant_kind      varchar(20)   not null,
    applicant_name      varchar(100)  not null,
    id_type             varchar(20)   not null,
    id_number_encrypted varchar(200)  not null,
    id_number_masked    varchar(40)   not null,
    phone               varchar(30)   not null,
    email               varchar(254),
    address             varchar(300),
    other_party_name    varchar(100)  not null,
    other_party_contact varchar(200),
    facts               varchar(4000) not null,
    request_text        varchar(2000) not null,
    preferred_times     varchar(500),
    prefer_online       boolean       not null,
    applicant_language  varchar(10)   not null,
    submitted_at        timestamp with time zone not null,
    accepted_at         timestamp with time zone,
    extended            boolean       not null,
    session_at          timestamp with time zone,
    session_place       varchar(500),
    agreement_terms     varchar(4000),
    constraint mediation_case_number_unique unique (case_number),
    constraint mediation_case_token_unique unique (submission_token)
);

create index mediation_case_agency on mediation_case (agency_id, status);

create table mediation_transition (
    id          bigint        not null primary key,
    case_id     bigint        not null references mediation_case (id) on delete cascade,
    from_status varchar(30),
    to_status   varchar(30)   not null,
    actor       varchar(100)  not null,
    occurred_at timestamp with time zone not null,
    reason      varchar(2000)
);

create index mediation_transition_case on mediation_transition (case_id);
