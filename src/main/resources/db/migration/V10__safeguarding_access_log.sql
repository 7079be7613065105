-- Who opened a story's safeguarding page, with the author's contact details, and when.
-- Read by a data-protection page and kept when the story is withdrawn: it names the member of
-- staff and the story's reference, never the author.
create sequence safeguarding_access_seq start with 1 increment by 1;

create table safeguarding_access (
  id              bigint primary key,
  story_id        bigint       not null references story (id),
  story_reference varchar(20)  not null,
  viewed_by       varchar(64)  not null,
  viewed_at       timestamp(6) with time zone not null
);
create index safeguarding_access_story_idx on safeguarding_access (story_id, viewed_at);
create index safeguarding_access_viewer_idx on safeguarding_access (viewed_by, viewed_at);
