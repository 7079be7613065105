-- Full-text search over published stories (PostgreSQL): a stored tsvector of title and text,
-- English stemming, and a GIN index. Withdrawn stories are erased, so their vector empties too.
alter table story add column search_vector tsvector
  generated always as (to_tsvector('english', title || ' ' || body)) stored;
-- The vector (about 2.5 kB) makes most rows long enough to be toasted; then the text goes to the
-- TOAST table too, not only the vector, so a story row is about 300 bytes instead of about 950. A
-- search that counts thousands of matches reads the rows' visibility from a third of the pages.
alter table story set (toast_tuple_target = 256);
-- Only published stories are ever searched: the index holds nothing else, and a match needs no
-- second look at the story's status.
create index story_search_idx on story using gin (search_vector) where status = 'PUBLISHED';
-- Browsing by tag.
create index story_tag_tag_idx on story_tag (tag, story_id);
-- Browsing by service, site or organisation: a service's stories from the index alone (it
-- replaces the index on service_id only).
drop index story_service_service_idx;
create index story_service_service_idx on story_service (service_id, story_id);
-- "Answered" and "not answered yet": which stories have a published response, from the index alone.
create index response_published_story_idx on response (story_id) where status = 'PUBLISHED';
-- Whether a story is published, from the index alone: the filters above join on it.
create index story_published_id_idx on story (id) where status = 'PUBLISHED';
