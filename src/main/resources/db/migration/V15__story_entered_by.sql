-- Who entered a story taken by phone or on paper: the staff user's id (as in Tasklist), for a
-- question about the entry (the safeguarding lead asks who spoke to the author). Null for a story
-- its author told on the website. Not the author's data: kept when a story is withdrawn and erased.
alter table story add column entered_by varchar(64);
