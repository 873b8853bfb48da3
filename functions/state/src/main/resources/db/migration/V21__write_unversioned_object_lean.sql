-- V11's write_unversioned_object and V20's write_unversioned_object_alone as one function of four SQL
-- statements instead of ten (issue 13): each statement of a PL/pgSQL function pays an executor
-- start-up, which was most of PostgreSQL's CPU per PUT. Same locks in the same order (the key's
-- two-int lock, then the blobs' one-bigint locks in ascending order, as BlobReferences.lock), same
-- answers. What changed: the bucket's notification configuration is read once, with the bucket and
-- the replaced row (after the key's lock); both blob locks are one statement, whose ORDER BY fixes the
-- order they are taken in (a volatile output is computed after the sort); the row, the new blob's
-- reference and the replaced blob's last reference go in one statement (they touch different rows, all
-- under those locks); a replaced blob that keeps other references is decremented in a statement of
-- its own, with a fresh snapshot, as before. p_alone: an autocommit statement of its own (AheadPublishing)
-- that declines, writing nothing, in a bucket with a notification configuration (the outbox must be
-- written in the same transaction): the caller then writes in a transaction.
create function write_unversioned_object(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb, p_alone boolean,
    out bucket_found boolean, out versioning text, out previous_sha256 text, out previous_etag text,
    out previous_modified_millis bigint, out previous_version_id text, out written boolean,
    out released_last boolean, out notifies boolean)
    language plpgsql volatile
as $$
declare
    new_lock bigint;
    old_lock bigint;
begin
    perform pg_advisory_xact_lock(name_lock_high, name_lock_low);
    select true, false, false, b.versioning, exists (select 1 from bucket_notifications n where n.bucket = b.name),
           o.blob_sha256, o.etag, (extract(epoch from o.last_modified) * 1000)::bigint, o.version_id
      into bucket_found, written, released_last, versioning, notifies,
           previous_sha256, previous_etag, previous_modified_millis, previous_version_id
      from buckets b left join objects o on o.bucket = b.name and o.key = p_key
     where b.name = p_bucket;
    if not found then
        bucket_found := false;
        written := false;
        released_last := false;
        notifies := false;
        return;
    end if;
    if versioning is not null or (p_alone and notifies) then
        return;
    end if;

    new_lock := blob_lock_id(p_blob_sha256);
    old_lock := blob_lock_id(previous_sha256);
    if old_lock is null or old_lock = new_lock then
        perform pg_advisory_xact_lock(new_lock);
    else
        perform pg_advisory_xact_lock(id) from (values (new_lock), (old_lock)) as locks (id) order by id;
    end if;

    with added as (
        insert into blobs (sha256, size, ref_count)
        select p_blob_sha256, p_size, 1 where previous_sha256 is distinct from p_blob_sha256
        on conflict (sha256) do update set ref_count = blobs.ref_count + 1, updated_at = now()),
    gone as (
        delete from blobs where sha256 = previous_sha256 and sha256 <> p_blob_sha256 and ref_count <= 1
        returning 1)
    insert into objects (bucket, key, blob_sha256, size, etag, last_modified, content_type, headers,
                         user_metadata, storage_class, owner, checksums, version_id, tags)
    values (p_bucket, p_key, p_blob_sha256, p_size, p_etag, p_last_modified, p_content_type, p_headers,
            p_user_metadata, p_storage_class, p_owner, p_checksums, null, p_tags)
    on conflict (bucket, key) do update set blob_sha256 = excluded.blob_sha256, size = excluded.size,
        etag = excluded.etag, last_modified = excluded.last_modified, content_type = excluded.content_type,
        headers = excluded.headers, user_metadata = excluded.user_metadata,
        storage_class = excluded.storage_class, owner = excluded.owner, checksums = excluded.checksums,
        version_id = excluded.version_id, tags = excluded.tags
    returning exists (select 1 from gone) into released_last;

    if not released_last and previous_sha256 <> p_blob_sha256 then
        update blobs set ref_count = ref_count - 1, updated_at = now() where sha256 = previous_sha256;
    end if;
    written := true;
end
$$;

-- V11's write_unversioned_object and V20's write_unversioned_object_alone are not dropped here: during a
-- rolling update, instances of the previous release still call them until they stop. Drop them in a
-- migration of a later release.
