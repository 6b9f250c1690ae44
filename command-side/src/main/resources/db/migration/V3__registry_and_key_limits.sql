-- The registry: agents and app environments belong to one tenant; the same agent key or app id may be
-- registered by two tenants. Registrations are never removed (so positive lookups may be cached).
create table registered_agent (
    tenant_id  varchar(64)  not null,
    agent_key  varchar(64)  not null,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    primary key (tenant_id, agent_key)
);

create table registered_app_environment (
    tenant_id   varchar(64)  not null,
    app_id      varchar(128) not null,
    environment varchar(64)  not null,
    created_at  timestamp with time zone not null,
    primary key (tenant_id, app_id, environment)
);

-- What a key may do. scopes: comma-separated, null for keys issued before scopes existed (all three).
-- agents / apps: comma-separated (their names cannot hold a comma), null = unrestricted, '' = none.
-- requests_per_second: null = the default quota.
alter table api_key add column scopes varchar(64);
alter table api_key add column agents varchar(20000);
alter table api_key add column apps varchar(40000);
alter table api_key add column requests_per_second integer;
