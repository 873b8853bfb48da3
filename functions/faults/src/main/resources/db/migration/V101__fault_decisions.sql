-- Recorded rule decisions (issue 12): every decision, hit and miss, of a recording, for export and replay.
create table fault_recordings (
    id          text primary key,
    name        text,
    started_at  timestamptz not null,
    stopped_at  timestamptz
);

create table fault_decisions (
    seq          bigserial primary key,
    recording_id text             not null references fault_recordings (id) on delete cascade,
    at           timestamptz      not null,
    request_id   text,
    rule_id      text             not null,
    rule_version bigint           not null,
    operation    text             not null,
    bucket       text,
    object_key   text,
    part_number  integer,
    upload_id    text,
    attempt      bigint           not null,
    draw         double precision,
    seed         bigint           not null,
    fired        boolean          not null
);

create index fault_decisions_recording on fault_decisions (recording_id, seq);

-- Injected faults name the multipart upload and part they hit.
alter table fault_events add column upload_id text;
alter table fault_events add column part_number integer;
