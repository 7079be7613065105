-- The reports' indexes on H2 (the demo): plain ones; PostgreSQL's are covering and partial.
create index story_submitted_idx on story (submitted_at);
create index story_published_at_idx on story (published_at);
create index service_case_opened_idx on service_case (opened_at);
create index service_case_overdue_idx on service_case (first_response_at, overdue_at);
create index response_change_made_idx on response (change_made_at);
