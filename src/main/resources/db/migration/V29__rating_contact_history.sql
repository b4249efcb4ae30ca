-- 好差评: who corrected or erased a rating's contact details, and when (the person's right under the privacy notice).
-- Only the step and the fields it changed are kept, never the details themselves. Valid on H2 2.x and PostgreSQL 15.
create sequence enforcement_rating_event_seq start with 1 increment by 1;
create table enforcement_rating_event (
    id          bigint       not null primary key,
    rating_id   bigint       not null,
    occurred_at timestamp with time zone not null,
    username    varchar(100) not null,
    kind        varchar(30)  not null,
    fields      varchar(100),
    constraint enforcement_rating_event_rating foreign key (rating_id) references enforcement_rating (id)
);
create index enforcement_rating_event_of on enforcement_rating_event (rating_id, occurred_at);
