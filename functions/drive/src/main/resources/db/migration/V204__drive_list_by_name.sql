-- A folder's page in the default order (folders first, then by name, the id breaking ties) read
-- straight from an index: the first page stops after `limit` rows instead of sorting the folder.
create index drive_entries_by_parent_name on drive_entries (user_id, parent_id, folder desc, name, id)
    where trashed_at is null;
