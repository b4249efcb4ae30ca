-- 自查自纠: the results a business chose to send anonymously after its self-check. No name, no address, no time of
-- day: the day, and the answer per risk point. Valid on H2 2.x and PostgreSQL 15.
create table selfcheck_submission (
    id           varchar(36) not null primary key,
    submitted_on date        not null
);
create index selfcheck_submission_day on selfcheck_submission (submitted_on);
create table selfcheck_answer (
    submission_id varchar(36) not null references selfcheck_submission (id) on delete cascade,
    agency_id     varchar(80) not null,
    risk_point_id varchar(80) not null,
    status        varchar(20) not null,
    primary key (submission_id, risk_point_id)
);
create index selfcheck_answer_agency on selfcheck_answer (agency_id, risk_point_id);
