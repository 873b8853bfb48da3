-- Small blobs in their own row (issue 13). A PutObject body of up to SmallBody.MAX_BYTES (8,000) is kept in
-- blobs.content instead of a file: its write is one statement with no file created, linked, settled
-- or deleted, and a GET of it reads the bytes with the object's row. A blob's bytes are in its row
-- when content is not null, else in the blob store (a file or the blob bucket); equal content is
-- still stored once (the first writer decides where), and a row that goes takes its content along.
-- toast_tuple_target keeps a row of up to about 8 KB in its heap page (no TOAST table insert), and
-- EXTERNAL storage skips the compression attempt on content, which is mostly incompressible.
alter table blobs add column content bytea;
alter table blobs alter column content set storage external;
alter table blobs set (toast_tuple_target = 8160);

-- V11's write_unversioned_object with the new blob's content (null: its bytes are in the blob store).
-- released_last here says that the replaced blob lost its last reference AND its bytes were not in its
-- row: only then may a file be left to delete after the commit. (A blob whose bytes were in both, a file
-- written before its row got them, leaves its file to the storage sweep's unreferenced-file pass.) The 15-argument functions of V11 and
-- V20 stay for instances of an older release during a rolling update (they store no content; a blob
-- they release may have had its bytes in its row, and the file check they run then finds no file).
create function write_unversioned_object(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb, p_content bytea,
    out bucket_found boolean, out versioning text, out previous_sha256 text, out previous_etag text,
    out previous_modified_millis bigint, out previous_version_id text, out written boolean,
    out released_last boolean, out notifies boolean)
    language plpgsql volatile
as $$
declare
    new_lock bigint := blob_lock_id(p_blob_sha256);
    old_lock bigint;
    released_content_in_row boolean;
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
        -- a small body whose blob is already a file puts its bytes in the row too: reads need the file no more
        insert into blobs (sha256, size, ref_count, content) values (p_blob_sha256, p_size, 1, p_content)
        on conflict (sha256) do update set ref_count = blobs.ref_count + 1, updated_at = now(),
            content = coalesce(blobs.content, excluded.content);
        if previous_sha256 is not null then
            delete from blobs where sha256 = previous_sha256 and ref_count <= 1
            returning content is not null into released_content_in_row;
            released_last := found and not released_content_in_row;
            if not found then
                update blobs set ref_count = ref_count - 1, updated_at = now() where sha256 = previous_sha256;
            end if;
        end if;
    end if;
    notifies := exists (select 1 from bucket_notifications where bucket = p_bucket);
    written := true;
end
$$;

-- V20's write_unversioned_object_alone, with the new blob's content as above.
create function write_unversioned_object_alone(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb, p_content bytea,
    out written boolean, out previous_sha256 text, out released_last boolean)
    language plpgsql volatile
as $$
begin
    written := false;
    released_last := false;
    if exists (select 1 from bucket_notifications where bucket = p_bucket) then
        return;
    end if;
    select w.written, w.previous_sha256, w.released_last into written, previous_sha256, released_last
      from write_unversioned_object(name_lock_high, name_lock_low, p_bucket, p_key, p_blob_sha256, p_size, p_etag,
                                    p_last_modified, p_content_type, p_headers, p_user_metadata, p_storage_class,
                                    p_owner, p_checksums, p_tags, p_content) w;
end
$$;
