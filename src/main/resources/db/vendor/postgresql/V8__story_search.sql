-- Full-text search over published stories (PostgreSQL): a stored tsvector of title and text,
-- English stemming, and a GIN index. Withdrawn stories are erased, so their vector empties too.
alter table story add column search_vector tsvector
  generated always as (to_tsvector('english', title || ' ' || body)) stored;
create index story_search_idx on story using gin (search_vector);
-- Browsing by tag.
create index story_tag_tag_idx on story_tag (tag, story_id);
