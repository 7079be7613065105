-- Which digest email an item went out in, so that withdrawing a story can render that email again
-- without it (the other stories stay). No foreign key: the outbox belongs to another feature and
-- may delete its rows. Items sent before this column existed have none (see docs/privacy.md).
alter table digest_item add column outbox_message_id bigint;
create index digest_item_story_idx on digest_item (story_reference);
create index digest_item_outbox_message_idx on digest_item (outbox_message_id);
