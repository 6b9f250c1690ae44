-- Axon's JDBC storage engine leaves the global index to the database (JPA asked the sequence itself).
-- The same sequence keeps the index dense and continues where the JPA engine stopped.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
