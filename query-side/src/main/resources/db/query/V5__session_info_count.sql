-- The sessions each Kore list scope (tenant, app, environment) holds, not deleted: the unfiltered list's
-- totalCount read in O(1) instead of counting the scope's rows. The projection keeps it in the transaction that
-- writes the rows (SessionInfoRepository.addToCounts); a rebuild fills the shadow's and swaps it in with the rows.
create table session_info_count (
    tenant_id   varchar(64) not null,
    app_id      varchar     not null,
    environment varchar     not null,
    sessions    bigint      not null,
    primary key (tenant_id, app_id, environment)
);

create table session_info_shadow_count (
    tenant_id   varchar(64) not null,
    app_id      varchar     not null,
    environment varchar     not null,
    sessions    bigint      not null,
    primary key (tenant_id, app_id, environment)
);

insert into session_info_count (tenant_id, app_id, environment, sessions)
select tenant_id, app_id, environment, count(*) from session_info
where deleted = false and app_id is not null and environment is not null
group by tenant_id, app_id, environment;
