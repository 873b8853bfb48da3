-- Object tags (on every version, and on a multipart upload until it completes) and bucket tags.
alter table objects add column tags jsonb not null default '{}'::jsonb;
alter table object_versions add column tags jsonb not null default '{}'::jsonb;
alter table multipart_uploads add column tags jsonb not null default '{}'::jsonb;

create table bucket_tags (
    bucket      text primary key references buckets (name) on delete cascade,
    tags        jsonb       not null,
    updated_at  timestamptz not null default now()
);
