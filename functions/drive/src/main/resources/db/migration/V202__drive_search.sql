-- The drive's search index (functions/drive, package search): one row per live file or folder,
-- written by the search-indexing job from the files table (drive_entries), never by the endpoints.
-- pg_trgm finds substrings, the tsvector whole words and word prefixes. btree_gin puts the owner
-- into the same GIN indexes, so a search reads only the caller's postings.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table drive_search (
    entry_id   bigint primary key,
    user_id    bigint not null,
    parent_id  bigint not null,
    name       text not null,
    folder     boolean not null,
    -- document, image, video, audio, archive, other; folder for folders
    kind       text not null,
    size       bigint not null,
    updated_at timestamptz not null,
    -- the name lower-cased (Unicode rules, by the indexer): the exact substring check
    name_fold  text not null,
    -- name_fold with every character outside ASCII written as 'z' and 5 hex digits of its code
    -- point, so that pg_trgm makes trigrams of Chinese names too (under the C ctype it drops every
    -- non-ASCII character) and a 2-character Chinese query has trigrams
    name_key   text not null,
    -- the name's words (letters and digits), lower-cased
    words      tsvector not null
);
create index drive_search_key on drive_search using gin (user_id, name_key gin_trgm_ops);
create index drive_search_words on drive_search using gin (user_id, words);
create index drive_search_by_time on drive_search (user_id, updated_at, entry_id);
create index drive_search_by_parent on drive_search (user_id, parent_id);
