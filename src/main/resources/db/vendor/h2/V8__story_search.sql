-- H2 (the zero-setup demo) searches with a plain case-insensitive match, no index needed.
-- Browsing by tag.
create index story_tag_tag_idx on story_tag (tag, story_id);
