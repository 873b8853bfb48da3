-- Fault scenarios (issue 12): named, versioned documents of phases and guards. Their runs live in the instance.
create table fault_scenarios (
    id          text primary key,
    name        text        not null,
    version     bigint      not null,
    document    text        not null,
    updated_at  timestamptz not null default now()
);
