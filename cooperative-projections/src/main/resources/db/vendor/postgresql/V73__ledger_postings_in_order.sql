-- Nothing to do on PostgreSQL: the index in the books' order is for H2 (db/vendor/h2/V73).
SELECT 1;
