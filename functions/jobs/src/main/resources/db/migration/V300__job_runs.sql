-- Which job events ran: a job consumer runs each event (by CloudEvents source and id) once, however
-- often it is delivered. A claim without finished_at is a run under way, or one whose process died:
-- after a lease it may be claimed again.
create table job_runs (
    source      text        not null,
    event_id    text        not null,
    type        text        not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    result      jsonb,
    primary key (source, event_id)
);
create index job_runs_by_finish on job_runs (finished_at);
