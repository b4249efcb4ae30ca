-- Legal-risk points, exemption items and discretion benchmarks (knowledge-base/risk-points,
-- exemptions, discretion). One row per entry; payload is the entry as JSON (the system of record
-- for the pages, the API and the indexes); the other columns serve filters.
-- content_hash is the SHA-256 of source file + payload. Valid on H2 2.x and PostgreSQL 15.
create table lists_entry (
    id             varchar(80)    not null primary key,
    list_kind      varchar(20)    not null,
    agency         varchar(80)    not null,
    sector         varchar(100),
    level          varchar(10),
    kind           varchar(20),
    title          varchar(1000)  not null,
    sample         boolean        not null,
    effective_from date           not null,
    effective_to   date,
    payload        varchar(200000) not null,
    source_file    varchar(300)   not null,
    content_hash   varchar(64)    not null,
    updated_at     timestamp with time zone not null
);

create index lists_entry_kind_agency on lists_entry (list_kind, agency);
