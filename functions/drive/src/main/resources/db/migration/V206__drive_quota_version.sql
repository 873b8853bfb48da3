-- A user's quota row counts its changes: every update of quota_used or quota_total (a charge, a
-- refund, a reconcile, a hand-made fix) takes quota_version one up, whatever the statement says.
-- The quota cache in Redis keeps the version of the figures it holds and refuses older ones
-- (QuotaLedger), so concurrent charges that write it in any order cannot turn it back in time.
alter table drive_users add column quota_version bigint not null default 0;

create function drive_quota_next_version() returns trigger language plpgsql as $$
begin
    new.quota_version := old.quota_version + 1;
    return new;
end
$$;

create trigger drive_quota_versioned before update of quota_used, quota_total on drive_users
    for each row execute function drive_quota_next_version();
