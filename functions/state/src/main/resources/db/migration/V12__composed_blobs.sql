-- A completed multipart upload is a composed blob: its bytes are its parts' blobs in order, listed
-- here (and in a manifest file in the blob store), never copied. A composed blob's id is the SHA-256
-- of its manifest, a dash and the part count, so it never equals a plain blob's SHA-256. Each row
-- holds one reference to its part's blob; the rows go, and their references with them, when the
-- composed blob's own last reference goes (the trigger below), in that same transaction.
create table blob_parts (
    composed     text   not null,
    part_number  int    not null,
    part_sha256  text   not null,
    size         bigint not null,
    primary key (composed, part_number)
);
-- the storage sweep recounts a part blob's references without a scan
create index blob_parts_by_part on blob_parts (part_sha256);

create function release_blob_parts() returns trigger language plpgsql as $$
begin
    with gone as (delete from blob_parts where composed = old.sha256 returning part_sha256),
         n as (select part_sha256, count(*) as c from gone group by part_sha256),
         kept as (update blobs b set ref_count = b.ref_count - n.c, updated_at = now()
                  from n where b.sha256 = n.part_sha256 and b.ref_count > n.c)
    delete from blobs b using n where b.sha256 = n.part_sha256 and b.ref_count <= n.c;
    return old;
end;
$$;

create trigger blobs_release_parts after delete on blobs
    for each row when (length(old.sha256) > 64) execute function release_blob_parts();
