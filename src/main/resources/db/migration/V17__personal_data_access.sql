-- Who looked at, exported or erased the personal data held about a person on the data-protection
-- pages, and when (docs/privacy.md, "The access log"). Read by the data-protection group at
-- /staff/data-protection/access-log together with safeguarding_access (V10). Never the email address
-- itself: its SHA-256 (of the trimmed, lower-case address), so that a later question "was my address
-- looked up?" can be answered by hashing it again, and the references of the stories found.
create sequence personal_data_access_seq start with 1 increment by 1;

create table personal_data_access (
  id                bigint primary key,
  -- search, export or erase
  action            varchar(20)   not null,
  viewed_by         varchar(64)   not null,
  viewed_at         timestamp(6) with time zone not null,
  subject_hash      varchar(64)   not null,
  -- The references of the stories found (comma-separated; empty when none).
  story_references  varchar(4000) default '' not null,
  -- How many stories, replies and emails were shown, exported or erased.
  stories           integer not null,
  replies           integer not null,
  emails            integer not null
);
create index personal_data_access_viewed_idx on personal_data_access (viewed_at, id);
create index personal_data_access_subject_idx on personal_data_access (subject_hash, viewed_at);
