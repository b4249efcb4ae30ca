-- Agency directory (执法主体公示). The knowledge base (knowledge-base/agencies/*.yaml) is the source;
-- content_hash is the SHA-256 of the file a row was loaded from. Valid on H2 2.x and PostgreSQL 15.
create table agency (
    id                   varchar(80)  not null primary key,
    name                 varchar(200) not null,
    name_en              varchar(300) not null,
    category             varchar(20)  not null,
    region               varchar(100) not null,
    legal_representative varchar(100) not null,
    address              varchar(500) not null,
    supervision_phone    varchar(30)  not null,
    supervision_email    varchar(254) not null,
    office_hours         varchar(500) not null,
    sample               boolean      not null,
    source_file          varchar(300) not null,
    content_hash         varchar(64)  not null,
    updated_at           timestamp with time zone not null
);

create table agency_power (
    agency_id  varchar(80)  not null references agency (id) on delete cascade,
    sort_order integer      not null,
    name       varchar(500) not null,
    kind       varchar(20)  not null,
    primary key (agency_id, sort_order)
);

create table agency_legal_basis (
    agency_id  varchar(80)  not null references agency (id) on delete cascade,
    sort_order integer      not null,
    reference  varchar(500) not null,
    primary key (agency_id, sort_order)
);

create table agency_officer (
    agency_id   varchar(80)  not null references agency (id) on delete cascade,
    sort_order  integer      not null,
    name        varchar(100) not null,
    certificate varchar(40)  not null,
    status      varchar(10)  not null,
    primary key (agency_id, sort_order)
);

create unique index agency_officer_certificate on agency_officer (certificate);
