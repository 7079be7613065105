-- Early warnings (processes/early-warning.bpmn, docs/early-warning.md): each time the daily check
-- found that a service's stories turned (a signal whose decision rule fired), the figures it saw,
-- the rule, and when the service's managers were emailed. Codes, numbers, ids and dates only:
-- nothing personal. Kept as the service's history of warnings (not cleaned with Camunda's history).

create sequence early_warning_seq start with 1 increment by 1;
create table early_warning (
  id              bigint primary key,
  service_id      bigint       not null references care_service (id),
  -- critical-stories, rising-improve-tag or overdue-in-a-row
  signal_code     varchar(40)  not null,
  -- The improve:... tag of a rising-improve-tag warning; '' for the other signals.
  tag             varchar(60)  default '' not null,
  -- The figures the decision saw: the number it tested, the matching stories or cases in the
  -- current window and all of them, the same in the earlier window, and the shares in per cent.
  figure          integer      not null,
  matching_now    integer      not null,
  total_now       integer      not null,
  matching_before integer,
  total_before    integer,
  share_now       double precision,
  share_before    double precision,
  -- The rule that fired, as the decision table words it, and how many days it stays quiet.
  threshold       varchar(300) not null,
  quiet_days      integer      not null,
  -- The run of the check (process instance id) that raised it.
  run_id          varchar(64)  not null,
  raised_at       timestamp(6) with time zone not null,
  -- The last run that still found the signal.
  last_seen_at    timestamp(6) with time zone not null,
  -- When the managers were emailed, and how many (0 with sent_at null: no manager had an address).
  sent_at         timestamp(6) with time zone,
  recipients      integer,
  -- The first run that no longer found the signal: from then on it may be raised again.
  cleared_at      timestamp(6) with time zone
);
-- The open warning of a service's signal (is this one new or repeated?), and a service's history.
create index early_warning_service_idx on early_warning (service_id, signal_code, tag, raised_at);

-- The stories (or, for overdue-in-a-row, the stories of the cases) behind a warning. Removed when a
-- story is withdrawn.
create table early_warning_story (
  early_warning_id bigint not null references early_warning (id),
  story_id         bigint not null references story (id),
  primary key (early_warning_id, story_id)
);
create index early_warning_story_story_idx on early_warning_story (story_id);
