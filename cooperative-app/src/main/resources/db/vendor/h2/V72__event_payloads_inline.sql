-- H2 keeps a BLOB out of its row, in a separate LOB store, and copies it into every result that
-- reads it: the event store's main cost when commands load aggregates and projections replay.
-- Events and snapshots are small, so on H2 they are stored in the row as VARBINARY.
ALTER TABLE domain_event_entry ALTER COLUMN payload SET DATA TYPE VARBINARY;
ALTER TABLE domain_event_entry ALTER COLUMN meta_data SET DATA TYPE VARBINARY;
ALTER TABLE snapshot_event_entry ALTER COLUMN payload SET DATA TYPE VARBINARY;
ALTER TABLE snapshot_event_entry ALTER COLUMN meta_data SET DATA TYPE VARBINARY;
ALTER TABLE token_entry ALTER COLUMN token SET DATA TYPE VARBINARY;
