-- The app's tables that this module's migrations read (a migration that changes a view asks for its
-- rebuild when events exist), reduced to the columns they read. The app creates the real ones.
CREATE TABLE domain_event_entry (
    global_index BIGINT NOT NULL PRIMARY KEY
);
