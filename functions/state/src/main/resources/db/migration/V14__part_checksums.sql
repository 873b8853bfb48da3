-- The checksums of an uploaded part by algorithm name ({"CRC32": "<base64>", "SHA256": ...}): the
-- CRC32 every part gets, and the one its upload's x-amz-checksum-algorithm asks for. Completing the
-- upload combines them into the object's checksum without reading the parts' bytes again.
alter table multipart_parts add column checksums jsonb not null default '{}'::jsonb;
