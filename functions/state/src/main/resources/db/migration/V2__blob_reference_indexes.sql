-- Lets the storage sweep recount a blob's references (objects and parts naming it) without a scan.
create index objects_by_blob on objects (blob_sha256);
create index multipart_parts_by_blob on multipart_parts (blob_sha256);
