-- Managers' reports (/staff/reports, docs/reports.md): when a change was reported made, cases of
-- withdrawn stories gone, and the indexes the reports' aggregates read by date. The indexes that
-- differ by database (covering and partial ones on PostgreSQL) are in db/vendor/*/V13_1.

-- When a response's change became "made": at publication for a response that claims a change
-- made, or when a later "change made" update is published. Responses already made get their
-- publication date.
alter table response add column change_made_at timestamp(6) with time zone;
update response set change_made_at = published_at where change_type = 'made' and status = 'PUBLISHED';

-- A withdrawn story is no longer anyone's work: its cases go with it (StoryService erases them).
delete from service_case where story_id in (select id from story where status = 'WITHDRAWN');

-- Stories rejected and withdrawn in a period.
create index story_status_decided_idx on story (status, decided_at);
create index story_status_ended_idx on story (status, ended_at);
-- Escalations in a period; shares and recognition in a period.
create index service_case_escalated_idx on service_case (escalated_at, service_id);
create index story_share_shared_idx on story_share (shared_at);
create index staff_recognition_recognised_idx on staff_recognition (recognised_at, service_id);
