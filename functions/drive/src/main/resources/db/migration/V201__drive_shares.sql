-- Shares of the cloud drive (functions/drive, package share): a share opens some of a user's files
-- and folders to whoever has its key and its 4-character code, until it expires or is cancelled
-- (a cancelled share's rows are deleted). Views are counted in Redis; downloads (bounded by the
-- optional limit) and saves here.
create table drive_shares (
    id             bigserial primary key,
    share_key      text not null unique,
    user_id        bigint not null references drive_users (id),
    code           text not null,
    created_at     timestamptz not null,
    expires_at     timestamptz,
    download_limit bigint check (download_limit > 0),
    downloads      bigint not null default 0,
    saves          bigint not null default 0,
    constraint drive_share_downloads_within_limit check (download_limit is null or downloads <= download_limit)
);
create index drive_shares_by_user on drive_shares (user_id, id);

-- What a share holds: entries of its owner. An entry deleted for good leaves its shares with it;
-- a trashed one stays listed here but is hidden by every share query (trashed_at is not null).
create table drive_share_items (
    share_id bigint not null references drive_shares (id) on delete cascade,
    entry_id bigint not null references drive_entries (id) on delete cascade,
    primary key (share_id, entry_id)
);
create index drive_share_items_by_entry on drive_share_items (entry_id);
