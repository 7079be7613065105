-- Responses are written in Tasklist or on the staff page, moderated (or fast-tracked) and published.
alter table response add column status varchar(20) default 'PUBLISHED' not null;
alter table response add column responder_user varchar(64);
-- "planned" or "made", with what the change is; shown publicly as a badge.
alter table response add column change_type varchar(20);
alter table response add column change_description varchar(2000);
-- The moderator's note when a response is returned to the responders.
alter table response add column moderator_note varchar(2000);
create index response_responder_idx on response (responder_user, status);
