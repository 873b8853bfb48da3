-- Dropping references to blobs, in one place (issue 13): each hash in the list loses one reference
-- per time it is listed, and a blob whose count reaches zero loses its row (a composed blob's
-- trigger then releases its parts the same way). Returns the hashes whose row went: their files
-- may be deleted after the commit, under their advisory locks, once nothing references them.
-- Used by the V12 trigger (a composed blob's parts) and by MultipartStore (an upload's parts).
create function release_blob_references(p_sha256s text[]) returns setof text
    language sql volatile
as $$
    with n as (select s as sha256, count(*) as c from unnest(p_sha256s) as s group by s),
         kept as (update blobs b set ref_count = b.ref_count - n.c, updated_at = now()
                  from n where b.sha256 = n.sha256 and b.ref_count > n.c)
    delete from blobs b using n where b.sha256 = n.sha256 and b.ref_count <= n.c returning b.sha256
$$;

create or replace function release_blob_parts() returns trigger language plpgsql as $$
declare
    parts text[];
begin
    with gone as (delete from blob_parts where composed = old.sha256 returning part_sha256)
    select array_agg(part_sha256) into parts from gone;
    perform 1 from release_blob_references(parts);
    return old;
end;
$$;

-- After commits that dropped blobs' last references (V11's lock_unreferenced_blob for many hashes
-- at once, so one transaction serves many writers): locks each hash for the rest of the transaction,
-- in ascending lock id order as BlobReferences.lock does, and returns those no row references now:
-- their files may be deleted before the commit releases the locks.
create function lock_unreferenced_blobs(p_sha256s text[]) returns setof text
    language plpgsql volatile
as $$
declare
    lock_id bigint;
begin
    for lock_id in select distinct blob_lock_id(s) from unnest(p_sha256s) as s order by 1 loop
        perform pg_advisory_xact_lock(lock_id);
    end loop;
    return query select distinct s from unnest(p_sha256s) as s
                  where not exists (select 1 from blobs where sha256 = s);
end
$$;
