-- Fault rules and the log of injected faults (issue 4). Versions 100-199 belong to the faults module.
-- A rule is stored as its JSON document (RuleJson) plus the columns the API filters and sorts on.
create table fault_rules (
    id          text primary key,
    name        text        not null,
    service     text        not null,
    enabled     boolean     not null,
    priority    integer     not null default 0,
    document    text        not null,
    version     bigint      not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- One row per injected fault, as listed by /api/v1/events and sent as dev.mocks3.fault.injected.
create table fault_events (
    seq         bigserial primary key,
    event_id    text        not null unique,
    at          timestamptz not null,
    rule_id     text,
    rule_name   text,
    request_id  text,
    service     text,
    operation   text,
    bucket      text,
    object_key  text,
    action      text        not null,
    phase       text        not null,
    outcome     text        not null,
    detail      text        not null default '{}'
);

create index fault_events_at on fault_events (at);
create index fault_events_rule on fault_events (rule_id, at);
create index fault_events_request on fault_events (request_id);
create index fault_events_bucket on fault_events (bucket, at);
