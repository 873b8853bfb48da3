-- Since V21 a small blob's bytes live in its row (about 8 KB, one row per heap page), so every overwrite of a
-- small object leaves an 8 KB dead row in blobs, where a file blob left 100 bytes. With the default trigger
-- (20 % of the table dead) and cost-limited vacuums, a minute of small PUTs at a few thousand per second grew
-- the table by gigabytes before a vacuum made the space reusable. Vacuum blobs once 1,000 rows are dead,
-- unthrottled: the table then stays at about what is overwritten between two autovacuum rounds
-- (autovacuum_naptime; the embedded PostgreSQL runs with 5 s, see EmbeddedPostgres).
alter table blobs set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                       autovacuum_vacuum_cost_delay = 0);
