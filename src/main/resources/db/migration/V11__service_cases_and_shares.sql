-- What the staff reports and the early warning read: one row per story and service it was
-- published to (the service's "case" of answering it), and one row per time staff shared a story.
-- Nothing personal: ids, dates and staff user names.

-- A published story as one service's work: when it reached the service, when a response was due
-- (dates from the response-due decision), when it was escalated, and its first published response.
-- A second round ("answer again") keeps the first dates: the reports measure the first answer.
create table service_case (
  story_id          bigint not null references story (id),
  service_id        bigint not null references care_service (id),
  opened_at         timestamp(6) with time zone not null,
  -- The reminder date; escalation to the service manager; from when the case counts as overdue.
  response_due_at   timestamp(6) with time zone,
  escalation_due_at timestamp(6) with time zone,
  overdue_at        timestamp(6) with time zone,
  -- When the reminder was sent and the manager was told (null: not yet, or never).
  reminded_at       timestamp(6) with time zone,
  escalated_at      timestamp(6) with time zone,
  -- The service's first published response (null: unanswered).
  first_response_at timestamp(6) with time zone,
  primary key (story_id, service_id)
);
-- Reports by service and period.
create index service_case_service_opened_idx on service_case (service_id, opened_at);
-- Unanswered and overdue now (first_response_at is null), by service.
create index service_case_unanswered_idx on service_case (service_id, first_response_at, overdue_at);

-- Cases of stories published before this table existed: no due dates are known for them.
insert into service_case (story_id, service_id, opened_at, first_response_at)
select s.id, ss.service_id, s.published_at,
       (select min(r.published_at) from response r
        where r.story_id = s.id and r.service_id = ss.service_id and r.status = 'PUBLISHED')
from story s join story_service ss on ss.story_id = s.id
where s.published_at is not null;

-- A member of staff shared a published story with a team (a Camunda group) or one colleague.
create sequence story_share_seq start with 1 increment by 1;
create table story_share (
  id                bigint primary key,
  story_id          bigint      not null references story (id),
  shared_by         varchar(64) not null,
  shared_with_group varchar(64),
  shared_with_user  varchar(64),
  -- How many people were emailed.
  recipients        integer     not null,
  shared_at         timestamp(6) with time zone not null
);
create index story_share_story_idx on story_share (story_id, shared_at);
