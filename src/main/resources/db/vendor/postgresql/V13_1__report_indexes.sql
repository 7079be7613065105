-- The reports' indexes on PostgreSQL: covering indexes, so that a year of figures for every service
-- is read from the indexes alone (index-only scans after VACUUM), and partial ones for the few rows
-- that matter now (unanswered cases, change updates). Measured: docs/performance.md, "Managers' reports".

-- Stories told in a period, by channel and relationship, and month by month.
create index story_submitted_idx on story (submitted_at) include (id, channel, relationship);
-- Stories published in a period, by criticality, month by month (the public list's index starts with status).
create index story_published_at_idx on story (published_at) include (id, criticality);
-- Cases opened in a period, with their first response, for every service.
create index service_case_opened_idx on service_case (opened_at) include (service_id, first_response_at);
-- Unanswered and overdue now: by service, and longest overdue first.
create index service_case_waiting_idx on service_case (service_id, overdue_at) where first_response_at is null;
create index service_case_overdue_idx on service_case (overdue_at) where first_response_at is null;
-- Changes planned and made in a period, change updates waiting for a moderator.
create index response_planned_idx on response (published_at) include (service_id)
  where change_type = 'planned' and status = 'PUBLISHED';
create index response_change_made_idx on response (change_made_at) include (service_id)
  where change_made_at is not null and status = 'PUBLISHED';
create index response_pending_change_idx on response (service_id) where pending_change is not null;
