-- A bucket's configuration documents, one per kind (cors, policy, acl, publicAccessBlock,
-- ownershipControls, encryption), as validated and kept by the S3 functions that serve them.
-- Objects keep their ACL and encryption settings in their own headers (objects.headers), so
-- this table is read only by the requests those settings concern.
create table bucket_configurations (
    bucket      text        not null references buckets (name) on delete cascade,
    kind        text        not null,
    document    text        not null,
    updated_at  timestamptz not null default now(),
    primary key (bucket, kind)
);
