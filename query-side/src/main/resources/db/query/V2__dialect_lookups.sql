-- Indexes for the Kore and Vectara read queries (io.sessionledger.query.lists). Every list query asks for
-- deleted = false; H2 has no partial indexes, so `deleted` is an equality column placed before the sort
-- columns: deleted rows are then never read, and the index order still serves the ORDER BY.

-- Kore list, newest first per app+environment (also the date-range filter and its count). The session_id
-- tie-break makes offset pages deterministic. Replaces V1's index on the same scope without it.
drop index if exists session_info_scope_created;
create index session_info_kore_newest
    on session_info (tenant_id, app_id, environment, deleted, created_at desc, session_id desc);

-- Kore list filtered by userReference, in the same order.
create index session_info_kore_user
    on session_info (tenant_id, app_id, environment, user_reference, deleted, created_at desc, session_id desc);

-- Kore lookup by sessionReference (unique per app+environment).
create index session_info_kore_reference
    on session_info (tenant_id, app_id, environment, session_reference);

-- Vectara lookup by key and key-ordered cursor pages per agent. Replaces V1's (tenant_id, agent_key, session_key).
drop index if exists session_info_agent_key;
create index session_info_vectara_key
    on session_info (tenant_id, agent_key, deleted, session_key);
