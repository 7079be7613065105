-- Positive stories that staff mark as recognition for a service (shown on its recognition page).
create sequence staff_recognition_seq start with 1 increment by 1;

create table staff_recognition (
  id            bigint primary key,
  story_id      bigint      not null references story (id),
  service_id    bigint      not null references care_service (id),
  recognised_by varchar(64) not null,
  recognised_at timestamp(6) with time zone not null,
  constraint staff_recognition_unique unique (story_id, service_id)
);
create index staff_recognition_service_idx on staff_recognition (service_id, recognised_at);
