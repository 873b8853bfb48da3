-- The write path in one round trip each (issue 13). Both functions take their advisory locks in
-- the same spaces and order as the Java code they stand for (ObjectWriter, BlobReferences): a key's
-- two-int lock first, then the one-bigint locks of blob hashes in ascending order. Each statement
-- of a volatile PL/pgSQL function sees a fresh snapshot, so what is read after a lock includes
-- everything its previous holder committed.

-- A hash's advisory lock id: its first 16 hex digits as a signed bigint (BlobReferences.lockId).
create function blob_lock_id(sha256 text) returns bigint
    language sql immutable strict parallel safe
    as $$ select ('x' || substr(sha256, 1, 16))::bit(64)::bigint $$;

-- PutObject, CopyObject and CompleteMultipartUpload into an unversioned bucket: locks the key,
-- reads the row it replaces, locks both blobs, writes the row, references the new blob and
-- releases the replaced one. Returns what the caller checks and does next, in the same
-- transaction: the replaced object (for If-Match / If-None-Match: a refusal rolls the write back),
-- whether the replaced blob lost its last reference (its file goes after the commit) and whether
-- the bucket has a notification configuration. In a versioned bucket, or without a bucket, it
-- only locks the key and reads the row (written = false): the caller goes on as before.
create function write_unversioned_object(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb,
    out bucket_found boolean, out versioning text, out previous_sha256 text, out previous_etag text,
    out previous_modified_millis bigint, out previous_version_id text, out written boolean,
    out released_last boolean, out notifies boolean)
    language plpgsql volatile
as $$
declare
    new_lock bigint := blob_lock_id(p_blob_sha256);
    old_lock bigint;
begin
    written := false;
    released_last := false;
    notifies := false;
    perform pg_advisory_xact_lock(name_lock_high, name_lock_low);
    select true, b.versioning, o.blob_sha256, o.etag, (extract(epoch from o.last_modified) * 1000)::bigint, o.version_id
      into bucket_found, versioning, previous_sha256, previous_etag, previous_modified_millis, previous_version_id
      from buckets b left join objects o on o.bucket = b.name and o.key = p_key
     where b.name = p_bucket;
    if bucket_found is null then
        bucket_found := false;
        return;
    end if;
    if versioning is not null then
        return;
    end if;

    old_lock := blob_lock_id(previous_sha256);
    if old_lock is null or old_lock = new_lock then
        perform pg_advisory_xact_lock(new_lock);
    else
        perform pg_advisory_xact_lock(least(new_lock, old_lock));
        perform pg_advisory_xact_lock(greatest(new_lock, old_lock));
    end if;

    insert into objects (bucket, key, blob_sha256, size, etag, last_modified, content_type, headers,
                         user_metadata, storage_class, owner, checksums, version_id, tags)
    values (p_bucket, p_key, p_blob_sha256, p_size, p_etag, p_last_modified, p_content_type, p_headers,
            p_user_metadata, p_storage_class, p_owner, p_checksums, null, p_tags)
    on conflict (bucket, key) do update set blob_sha256 = excluded.blob_sha256, size = excluded.size,
        etag = excluded.etag, last_modified = excluded.last_modified, content_type = excluded.content_type,
        headers = excluded.headers, user_metadata = excluded.user_metadata,
        storage_class = excluded.storage_class, owner = excluded.owner, checksums = excluded.checksums,
        version_id = excluded.version_id, tags = excluded.tags;

    if previous_sha256 is distinct from p_blob_sha256 then
        insert into blobs (sha256, size, ref_count) values (p_blob_sha256, p_size, 1)
        on conflict (sha256) do update set ref_count = blobs.ref_count + 1, updated_at = now();
        if previous_sha256 is not null then
            delete from blobs where sha256 = previous_sha256 and ref_count <= 1;
            released_last := found;
            if not released_last then
                update blobs set ref_count = ref_count - 1, updated_at = now() where sha256 = previous_sha256;
            end if;
        end if;
    end if;
    notifies := exists (select 1 from bucket_notifications where bucket = p_bucket);
    written := true;
end
$$;

-- After a commit that dropped a blob's last reference: locks the hash for the rest of the
-- transaction and answers whether nothing references it now, so its file may be deleted before
-- the commit releases the lock (a concurrent upload of the same content waits for it).
create function lock_unreferenced_blob(p_sha256 text) returns boolean
    language plpgsql volatile
as $$
begin
    perform pg_advisory_xact_lock(blob_lock_id(p_sha256));
    return not exists (select 1 from blobs where sha256 = p_sha256);
end
$$;
