-- The account log filtered by person: the name in lower case in its own indexed column (names keep their case and a
-- failed sign-in records the name as typed, so lower(username) was compared row by row over the whole log).
alter table account_event add column username_key varchar(64);
update account_event set username_key = left(lower(username), 64);
alter table account_event alter column username_key set not null;
create index account_event_user_key on account_event (username_key, occurred_at);
drop index account_event_user;
