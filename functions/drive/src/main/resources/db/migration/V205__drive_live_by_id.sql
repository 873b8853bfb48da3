-- A user's live files and folders in id order: the search re-index reads a drive a page at a time
-- (keyset on id) instead of the whole drive at once.
create index drive_entries_live_by_id on drive_entries (user_id, id) where trashed_at is null;
