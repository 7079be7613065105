-- The whole story lifecycle: screening flags, identifier findings, moderation outcomes,
-- author edits, safeguarding decisions and withdrawal.

alter table story add column flag_safeguarding boolean default false not null;
alter table story add column flag_spam boolean default false not null;
alter table story add column flag_abusive boolean default false not null;
alter table story add column flag_duplicate boolean default false not null;
alter table story add column flag_too_long boolean default false not null;
-- A filled honeypot field: the form was most likely filled by a robot.
alter table story add column honeypot_tripped boolean default false not null;
-- Personal data: the identifiers found in the text (JSON), erased with the story.
alter table story add column identifier_findings varchar(40000);
alter table story add column identifiers_found integer;
-- What the moderator wrote to the author (a request for changes or a rejection note).
alter table story add column moderator_message varchar(2000);
alter table story add column moderated_by varchar(64);
alter table story add column safeguarding_decision varchar(20);
alter table story add column edit_requested_at timestamp(6) with time zone;
alter table story add column ended_at timestamp(6) with time zone;

-- Duplicate detection looks for the same author's recent stories.
create index story_author_email_idx on story (author_email, submitted_at);

-- Which story an email is about, so withdrawal can erase the author's emails too.
alter table outbox_message add column about varchar(20);
create index outbox_message_about_idx on outbox_message (about);
