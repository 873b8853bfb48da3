-- Buckets, objects, blobs and multipart uploads. Keys use the "C" collation so that
-- listings come out in UTF-8 binary order, as S3 lists them.
create table buckets (
    name        text primary key,
    owner       text,
    region      text        not null default 'us-east-1',
    created_at  timestamptz not null default now()
);

create table blobs (
    sha256      text primary key,
    size        bigint      not null,
    ref_count   bigint      not null,
    updated_at  timestamptz not null default now()
);

create table objects (
    bucket        text        not null references buckets (name),
    key           text collate "C" not null,
    blob_sha256   text        not null,
    size          bigint      not null,
    etag          text        not null,
    last_modified timestamptz not null,
    content_type  text,
    headers       jsonb       not null default '{}'::jsonb,
    user_metadata jsonb       not null default '{}'::jsonb,
    checksums     jsonb       not null default '{}'::jsonb,
    storage_class text        not null default 'STANDARD',
    owner         text,
    primary key (bucket, key)
);

create table multipart_uploads (
    upload_id     text primary key,
    bucket        text        not null references buckets (name),
    key           text collate "C" not null,
    initiated     timestamptz not null default now(),
    content_type  text,
    headers       jsonb       not null default '{}'::jsonb,
    user_metadata jsonb       not null default '{}'::jsonb,
    storage_class text        not null default 'STANDARD',
    owner         text
);
create index multipart_uploads_by_key on multipart_uploads (bucket, key, initiated);

create table multipart_parts (
    upload_id     text        not null references multipart_uploads (upload_id) on delete cascade,
    part_number   int         not null,
    blob_sha256   text        not null,
    size          bigint      not null,
    etag          text        not null,
    md5_hex       text        not null,
    last_modified timestamptz not null,
    primary key (upload_id, part_number)
);
