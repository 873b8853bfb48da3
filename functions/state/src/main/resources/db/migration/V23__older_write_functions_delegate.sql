-- The 15-argument write functions of V11 and V20 are what instances of a release before V21 call, during
-- a rolling update with mocks3.storage.small-bodies-in-rows=false (README). They now run V21's 16-argument
-- functions with no content (their bodies are files), so there is one body of each write to keep, and an
-- older instance gets V21's answer: released_last is false when the blob it released had its bytes in
-- its row (no file to delete after the commit).
create or replace function write_unversioned_object(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb,
    out bucket_found boolean, out versioning text, out previous_sha256 text, out previous_etag text,
    out previous_modified_millis bigint, out previous_version_id text, out written boolean,
    out released_last boolean, out notifies boolean)
    language sql volatile
as $$
    select * from write_unversioned_object(name_lock_high, name_lock_low, p_bucket, p_key, p_blob_sha256, p_size,
                                           p_etag, p_last_modified, p_content_type, p_headers, p_user_metadata,
                                           p_storage_class, p_owner, p_checksums, p_tags, null::bytea)
$$;

create or replace function write_unversioned_object_alone(
    name_lock_high int, name_lock_low int,
    p_bucket text, p_key text, p_blob_sha256 text, p_size bigint, p_etag text, p_last_modified timestamptz,
    p_content_type text, p_headers jsonb, p_user_metadata jsonb, p_storage_class text, p_owner text,
    p_checksums jsonb, p_tags jsonb,
    out written boolean, out previous_sha256 text, out released_last boolean)
    language sql volatile
as $$
    select * from write_unversioned_object_alone(name_lock_high, name_lock_low, p_bucket, p_key, p_blob_sha256,
                                                 p_size, p_etag, p_last_modified, p_content_type, p_headers,
                                                 p_user_metadata, p_storage_class, p_owner, p_checksums, p_tags,
                                                 null::bytea)
$$;
