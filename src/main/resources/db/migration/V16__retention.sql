-- Retention (processes/data-retention.bpmn, docs/privacy.md): personal data is erased a set time
-- after it stops being needed, and each nightly run records how many rows of each kind it erased.

-- The private link's hash is erased with the author's email a set time after the case ends; the
-- link then stops working. Several erased stories have none (a unique column allows many nulls).
alter table story alter column tracking_token_hash drop not null;
-- When the story's case (its story-lifecycle process) ended, as the nightly run read it from
-- Camunda's history before that history is cleaned up.
alter table story add column case_ended_at timestamp(6) with time zone;
-- When the text was erased (withdrawal, or retention of a rejected or closed story).
alter table story add column text_erased_at timestamp(6) with time zone;
-- When the author's email and the private link's hash were erased by the retention policy.
alter table story add column contact_erased_at timestamp(6) with time zone;
-- Withdrawal erased the text at once, before this column existed.
update story set text_erased_at = ended_at where status = 'WITHDRAWN';
-- The nightly run's batches: ended stories by status and end.
create index story_retention_idx on story (status, ended_at);

-- The nightly run's batch of sent emails, oldest first.
create index outbox_message_sent_idx on outbox_message (status, sent_at);
-- Sent digest items, oldest first (digest_item_pending_idx leads with sent_at already).

-- One row per kind of data per run: how many rows it erased, and the limit it applied. Counts,
-- codes and dates only: nothing personal. Kept (a few rows a night) as the record that the policy runs.
create sequence retention_run_seq start with 1 increment by 1;
create table retention_run (
  id          bigint primary key,
  -- The run (process instance id of data-retention).
  run_id      varchar(64)  not null,
  -- author-contact, story-text, sent-emails, digest-items or reply-drafts
  kind        varchar(40)  not null,
  erased      integer      not null,
  -- Rows older than this (by the kind's date) were erased.
  cutoff      timestamp(6) with time zone not null,
  ran_at      timestamp(6) with time zone not null
);
create index retention_run_ran_idx on retention_run (ran_at, kind);
