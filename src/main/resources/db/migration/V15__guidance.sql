-- 行政指导书: written administrative guidance an officer gives a party, the party's reply and the agency's
-- return visit. The party's access code is kept only as a salted hash. Valid on H2 2.x and PostgreSQL 15.
create sequence guidance_document_seq start with 1 increment by 1;
create table guidance_document (
    id               bigint        not null primary key,
    number           varchar(20),
    agency_id        varchar(80)   not null,
    officer          varchar(100)  not null,
    certificates     varchar(200)  not null,
    kind             varchar(20)   not null,
    party_name       varchar(100)  not null,
    party_email      varchar(254),
    party_language   varchar(10)   not null,
    subject          varchar(100)  not null,
    findings         varchar(2000) not null,
    advice           varchar(2000) not null,
    basis            varchar(500),
    respond_by       date,
    visit_due        date,
    access_code_hash varchar(120)  not null,
    issued_at        timestamp with time zone not null,
    reply            varchar(20),
    reply_note       varchar(1000),
    replied_at       timestamp with time zone,
    visit_outcome    varchar(20),
    visit_note       varchar(2000),
    visited_by       varchar(100),
    visited_at       timestamp with time zone,
    version          integer       not null,
    constraint guidance_document_number_unique unique (number)
);
create index guidance_document_agency on guidance_document (agency_id, issued_at);
create index guidance_document_visit on guidance_document (agency_id, visit_outcome, visit_due);
