-- The author's replies to responses: always moderated, then published under the response.
create sequence author_reply_seq start with 1 increment by 1;

create table author_reply (
  id             bigint primary key,
  story_id       bigint        not null references story (id),
  response_id    bigint        not null references response (id),
  body           varchar(5000) not null,
  status         varchar(20)   not null,
  created_at     timestamp(6) with time zone not null,
  published_at   timestamp(6) with time zone
);
create index author_reply_response_idx on author_reply (response_id, status);
create index author_reply_story_idx on author_reply (story_id);
