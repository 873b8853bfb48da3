-- The cloud drive (functions/drive): users, their folders and files, contents stored once per
-- SHA-256 with a reference count, and presigned uploads waiting for their callback.
create table drive_users (
    id            bigserial primary key,
    mobile        text not null unique,
    name          text not null,
    password_hash text not null,
    quota_total   bigint not null,
    quota_used    bigint not null default 0 check (quota_used >= 0),
    created_at    timestamptz not null default now(),
    -- PostgreSQL is the truth: no charge may ever take used above total
    constraint drive_quota_not_overdrawn check (quota_used <= quota_total)
);

-- One row per distinct content; s3_key is where its bytes are in the drive's bucket.
create table drive_contents (
    sha256     char(64) primary key,
    size       bigint not null,
    s3_key     text not null,
    refs       bigint not null check (refs >= 0),
    created_at timestamptz not null default now()
);

-- Folders and files. parent_id 0 is the user's root. trashed_at is set on a deleted entry and on
-- everything below it; trash_root marks the entry the user deleted (what the trash lists).
create table drive_entries (
    id          bigserial primary key,
    user_id     bigint not null references drive_users (id),
    parent_id   bigint not null,
    name        text not null,
    folder      boolean not null,
    sha256      char(64) references drive_contents (sha256),
    size        bigint not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    trashed_at  timestamptz,
    trash_root  boolean not null default false
);
create unique index drive_entries_unique_name on drive_entries (user_id, parent_id, name) where trashed_at is null;
create index drive_entries_by_parent_time on drive_entries (user_id, parent_id, updated_at) where trashed_at is null;
create index drive_entries_by_parent_size on drive_entries (user_id, parent_id, size) where trashed_at is null;
create index drive_entries_trash on drive_entries (user_id, trashed_at) where trash_root;
create index drive_entries_by_content on drive_entries (sha256);

-- Presigned uploads between presign and callback (aborted when they grow older than the expiry).
create table drive_uploads (
    id           text primary key,
    user_id      bigint not null references drive_users (id),
    parent_id    bigint not null,
    name         text not null,
    size         bigint not null,
    sha256       char(64) not null,
    s3_key       text not null,
    multipart_id text,
    part_size    bigint not null default 0,
    part_count   int not null default 0,
    on_conflict  text not null default 'error',
    created_at   timestamptz not null default now()
);
create index drive_uploads_by_age on drive_uploads (created_at);
