-- A bucket's upstream (the third-party source): a GET or HEAD of a key the bucket does not hold is
-- read from there, and a job then stores the object in the bucket.
create table bucket_upstreams (
    bucket      text primary key references buckets (name) on delete cascade,
    upstream    jsonb       not null,
    updated_at  timestamptz not null default now()
);
