-- Rate limits counted in the database, so that every node draws on one allowance per client
-- (system.SharedBuckets): one row per limit and key, the key a SHA-256 hash (never an address in
-- the clear). full_at is when the bucket will be full again, in nanoseconds since 1970; a row whose
-- bucket is full again says nothing and is deleted.
create table rate_limit_bucket (
  limiter varchar(40) not null,
  key_hash char(64) not null,
  full_at bigint not null,
  constraint rate_limit_bucket_pk primary key (limiter, key_hash)
);

create index rate_limit_bucket_full_at on rate_limit_bucket (full_at);
