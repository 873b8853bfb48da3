-- A completed multipart upload is remembered for a day: a client that retries
-- CompleteMultipartUpload (its first answer was lost) gets 200 with the object, as on S3,
-- while the object that upload made is still the key's current one.
create table completed_multipart_uploads (
    upload_id    text primary key,
    bucket       text        not null references buckets (name) on delete cascade,
    key          text collate "C" not null,
    etag         text        not null,
    completed_at timestamptz not null default now()
);
create index completed_multipart_uploads_by_age on completed_multipart_uploads (completed_at);
