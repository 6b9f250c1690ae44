-- How many records below next_offset the projection found to be copies of events it already held (the publisher
-- sends at least once: a crash between Kafka's ack and its record, or two command-side instances, put a second,
-- identical copy on the topic). Counted in the transaction that moves next_offset, so reconciliation can tell
-- "sent twice" from "not from this store" (records on the topic minus these = distinct events).
alter table projection_offset add column redelivered bigint not null default 0;
alter table projection_offset_shadow add column redelivered bigint not null default 0;
