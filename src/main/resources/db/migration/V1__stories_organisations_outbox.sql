-- Carevoice's own tables. Camunda manages its ACT_* tables itself.
-- Personal data (story text, pseudonym, author email, email recipients) lives only here.

create sequence organisation_seq start with 1 increment by 1;
create sequence site_seq start with 1 increment by 1;
create sequence care_service_seq start with 1 increment by 1;
create sequence story_seq start with 1 increment by 1;
-- The number in a story's public reference, CV-YYYY-NNNNNN.
create sequence story_reference_seq start with 1 increment by 1;
create sequence response_seq start with 1 increment by 1;
create sequence outbox_message_seq start with 1 increment by 1;

create table organisation (
  id   bigint primary key,
  slug varchar(80)  not null unique,
  name varchar(200) not null
);

create table site (
  id              bigint primary key,
  organisation_id bigint       not null references organisation (id),
  slug            varchar(80)  not null unique,
  name            varchar(200) not null
);
create index site_organisation_idx on site (organisation_id);

create table care_service (
  id              bigint primary key,
  site_id         bigint       not null references site (id),
  slug            varchar(120) not null unique,
  name            varchar(200) not null,
  service_type    varchar(40)  not null,
  responder_group varchar(64)  not null,
  manager_group   varchar(64)  not null
);
create index care_service_site_idx on care_service (site_id);

create table story (
  id                  bigint primary key,
  version             integer       not null,
  reference           varchar(20)   not null unique,
  title               varchar(150)  not null,
  body                varchar(20000) not null,
  author_pseudonym    varchar(80),
  author_email        varchar(254),
  relationship        varchar(30)   not null,
  happened_in         date          not null,
  status              varchar(20)   not null,
  criticality         integer,
  rejection_reason    varchar(40),
  channel             varchar(20)   not null,
  tracking_token_hash varchar(64)   not null unique,
  submitted_at        timestamp(6) with time zone not null,
  decided_at          timestamp(6) with time zone,
  published_at        timestamp(6) with time zone,
  updated_at          timestamp(6) with time zone not null,
  constraint story_criticality_range check (criticality between 0 and 5)
);
-- The public list: published stories, newest first.
create index story_status_published_idx on story (status, published_at desc, id desc);

create table story_service (
  story_id   bigint not null references story (id),
  service_id bigint not null references care_service (id),
  primary key (story_id, service_id)
);
create index story_service_service_idx on story_service (service_id);

create table story_tag (
  story_id bigint      not null references story (id),
  tag      varchar(60) not null,
  primary key (story_id, tag)
);

create table response (
  id             bigint primary key,
  story_id       bigint        not null references story (id),
  service_id     bigint        not null references care_service (id),
  body           varchar(10000) not null,
  responder_name varchar(120)  not null,
  responder_role varchar(160)  not null,
  created_at     timestamp(6) with time zone not null,
  published_at   timestamp(6) with time zone
);
create index response_story_idx on response (story_id, published_at);

create table outbox_message (
  id              bigint primary key,
  template        varchar(60)   not null,
  recipient       varchar(254)  not null,
  subject         varchar(250)  not null,
  text_body       varchar(100000) not null,
  html_body       varchar(100000) not null,
  status          varchar(20)   not null,
  attempts        integer       not null,
  next_attempt_at timestamp(6) with time zone not null,
  claimed_at      timestamp(6) with time zone,
  created_at      timestamp(6) with time zone not null,
  sent_at         timestamp(6) with time zone,
  last_error      varchar(500)
);
-- The sender's poll: due pending messages.
create index outbox_message_due_idx on outbox_message (status, next_attempt_at);
