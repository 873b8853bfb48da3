-- A bucket's notification configuration (PutBucketNotificationConfiguration), as JSON rules.
create table bucket_notifications (
    bucket        text primary key references buckets (name) on delete cascade,
    configuration jsonb       not null,
    updated_at    timestamptz not null default now()
);
