-- A written guidance issued in error is voided (作废) with a reason; it stays on file, out of the figures and reminders.
alter table guidance_document add column voided_at timestamp with time zone;
alter table guidance_document add column voided_by varchar(100);
alter table guidance_document add column void_reason varchar(500);
