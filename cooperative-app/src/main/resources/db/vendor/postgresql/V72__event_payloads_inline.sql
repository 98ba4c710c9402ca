-- Nothing to change: PostgreSQL's BYTEA is stored with the row already (see the H2 migration).
SELECT 1;
