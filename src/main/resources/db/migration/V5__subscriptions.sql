-- Staff subscribe to a service, a site or a whole organisation, from a minimum criticality,
-- with an email per story or a daily digest.
create sequence subscription_seq start with 1 increment by 1;
create sequence digest_item_seq start with 1 increment by 1;

create table subscription (
  id              bigint primary key,
  user_id         varchar(64) not null,
  scope_type      varchar(20) not null,
  scope_id        bigint      not null,
  min_criticality integer     not null,
  delivery        varchar(10) not null,
  created_at      timestamp(6) with time zone not null,
  constraint subscription_unique unique (user_id, scope_type, scope_id)
);
create index subscription_scope_idx on subscription (scope_type, scope_id);

-- A story waiting for a subscriber's next daily digest.
create table digest_item (
  id              bigint primary key,
  user_id         varchar(64) not null,
  story_reference varchar(20) not null,
  title           varchar(150) not null,
  story_url       varchar(300) not null,
  created_at      timestamp(6) with time zone not null,
  sent_at         timestamp(6) with time zone
);
create index digest_item_pending_idx on digest_item (sent_at, user_id);
