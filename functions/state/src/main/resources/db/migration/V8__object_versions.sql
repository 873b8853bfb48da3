-- Versioning. A bucket's state: null (never enabled), 'Enabled' or 'Suspended'. The objects table
-- keeps the current version of a key when it is not a delete marker (version_id null: the "null"
-- version); every other version, delete markers included, is a row of object_versions, which
-- holds one blob reference per row as objects does. seq orders the versions of a key (newest last).
alter table buckets add column versioning text;
alter table objects add column version_id text;

create table object_versions (
    seq           bigserial   primary key,
    bucket        text        not null references buckets (name),
    key           text collate "C" not null,
    -- 'null' for the null version
    version_id    text        not null,
    delete_marker boolean     not null default false,
    -- null for a delete marker
    blob_sha256   text,
    size          bigint      not null default 0,
    etag          text,
    last_modified timestamptz not null,
    content_type  text,
    headers       jsonb       not null default '{}'::jsonb,
    user_metadata jsonb       not null default '{}'::jsonb,
    checksums     jsonb       not null default '{}'::jsonb,
    storage_class text        not null default 'STANDARD',
    owner         text
);
create unique index object_versions_by_id on object_versions (bucket, key, version_id);
create index object_versions_in_order on object_versions (bucket, key, seq);
-- the storage sweep recounts a blob's references without a scan
create index object_versions_by_blob on object_versions (blob_sha256) where blob_sha256 is not null;
