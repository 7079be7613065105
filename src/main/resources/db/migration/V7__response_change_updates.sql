-- A later "change made" update on a published response waits here until a moderator publishes it.
alter table response add column pending_change varchar(2000);
