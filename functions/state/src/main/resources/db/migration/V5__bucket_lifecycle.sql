-- A bucket's lifecycle configuration (PutBucketLifecycleConfiguration), kept as the document the
-- client sent: GetBucketLifecycleConfiguration returns it, the lifecycle jobs parse it.
create table bucket_lifecycle (
    bucket      text primary key references buckets (name) on delete cascade,
    document    text        not null,
    updated_at  timestamptz not null default now()
);

-- Lifecycle expiry looks for old objects and stale multipart uploads of one bucket.
create index objects_by_age on objects (bucket, last_modified);
create index multipart_uploads_by_age on multipart_uploads (bucket, initiated);
