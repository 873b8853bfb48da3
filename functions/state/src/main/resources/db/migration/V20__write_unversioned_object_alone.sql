-- A PutObject whose blob is already published (AheadPublishing) runs V11's write on its own, as one
-- autocommit statement: no BEGIN and COMMIT around it (issue 13). This declines, writing nothing,
-- where the write needs more in its transaction than the statement does: a bucket with a
-- notification configuration (the outbox is written in the same transaction), which it tells
-- before taking any lock. In a versioned bucket, or without a bucket, V11's function writes
-- nothing either (written = false); the caller then writes in a transaction as before.
create function write_unversioned_object_alone(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb,
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
                                    p_owner, p_checksums, p_tags) w;
end
$$;
