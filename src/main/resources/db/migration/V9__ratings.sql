-- 好差评: citizens rate an enforcement contact; the agency follows up every bad rating.
-- Valid on H2 2.x and PostgreSQL 15.
create sequence enforcement_rating_seq start with 1 increment by 1;
create table enforcement_rating (
    id               bigint        not null primary key,
    reference        varchar(20),
    agency_id        varchar(80)   not null,
    certificate      varchar(40),
    contact_date     date          not null,
    matter           varchar(20)   not null,
    score            integer       not null,
    comment          varchar(1000),
    wants_reply      boolean       not null,
    contact_name     varchar(100),
    contact_phone    varchar(30),
    contact_email    varchar(254),
    language         varchar(10)   not null,
    submitted_at     timestamp with time zone not null,
    status           varchar(20)   not null,
    follow_up_due    date,
    followed_up_by   varchar(100),
    followed_up_at   timestamp with time zone,
    follow_up_result varchar(20),
    follow_up_note   varchar(2000),
    version          integer       not null,
    constraint enforcement_rating_reference_unique unique (reference)
);
create index enforcement_rating_agency on enforcement_rating (agency_id, submitted_at);
create index enforcement_rating_status on enforcement_rating (status, follow_up_due);
