-- The transactional outbox: a CloudEvent written in the same transaction as the change that
-- caused it, delivered later by the dispatcher of any instance. A row leaves the table when it
-- was delivered (or handed to the dead-letter sink); delayed events are rows due later.
create table event_outbox (
    seq          bigserial   primary key,
    event_id     text        not null unique,
    event_type   text        not null,
    -- the notification destination it is for (its mocks3destination attribute): only an instance
    -- that knows the destination delivers it; null: any instance (the broker routes it)
    destination  text,
    -- rows of one ordering key are delivered one after the other, in seq order (null: no order)
    ordering_key text,
    due_at       timestamptz not null default now(),
    attempts     int         not null default 0,
    last_error   text,
    -- set when every attempt failed and no dead-letter sink took the event
    dead_at      timestamptz,
    created_at   timestamptz not null default now(),
    -- the whole event, CloudEvents JSON format (structured mode)
    event        bytea       not null
);
create index event_outbox_due on event_outbox (due_at) where dead_at is null;
create index event_outbox_by_key on event_outbox (ordering_key, seq) where dead_at is null;

-- S3 event sequencers: a greater value is a later change of the same key.
create sequence object_event_sequencer;
