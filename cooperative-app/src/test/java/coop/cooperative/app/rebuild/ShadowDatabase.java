package coop.cooperative.app.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database for one test, H2 in memory or a new database on the embedded PostgreSQL, and what the test reads of it. */
final class ShadowDatabase implements AutoCloseable {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    final boolean postgres;
    final HikariDataSource pool;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final ShadowTables shadows;

    private ShadowDatabase(boolean postgres, String url, String user) throws Exception {
        this.postgres = postgres;
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(postgres ? "postgres" : "");
        pool.setMaximumPoolSize(4);
        jdbc = JdbcClient.create(pool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        shadows = ShadowTablesConfiguration.forDatabase(pool);
    }

    static ShadowDatabase h2() throws Exception {
        return new ShadowDatabase(false, "jdbc:h2:mem:shadow" + NUMBER.incrementAndGet(), "sa");
    }

    static ShadowDatabase postgres(EmbeddedPostgres server) throws Exception {
        String name = "shadow" + NUMBER.incrementAndGet();
        JdbcClient.create(server.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        return new ShadowDatabase(true, server.getJdbcUrl("postgres", name), "postgres");
    }

    /**
     * Another pool on the same database: connections that take no part in the test's transactions
     * (though one taken on a thread in a transaction is held until it ends: Spring's synchronization).
     */
    HikariDataSource otherPool() {
        HikariDataSource other = new HikariDataSource();
        other.setJdbcUrl(pool.getJdbcUrl());
        other.setUsername(pool.getUsername());
        other.setPassword(pool.getPassword());
        other.setMaximumPoolSize(4);
        return other;
    }

    /** The shadow of a table as a qualified name. */
    String shadow(String table) {
        return postgres ? "view_rebuild." + table : "PUBLIC." + table.toUpperCase(Locale.ROOT) + "__REBUILD";
    }

    long count(String from) {
        return jdbc.sql("SELECT COUNT(*) FROM " + from).query(Long.class).single();
    }

    /** Tables of the default schema and of any other but the catalog's: no shadow or retired table may stay. */
    List<String> tables() {
        return jdbc.sql(postgres
                        ? "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                        + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
                        : "SELECT TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1")
                .query(String.class).list().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The index names of a live table. */
    List<String> indexes(String schema, String table) {
        return jdbc.sql(postgres
                        ? "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY 1"
                        : "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY 1")
                .params(postgres ? schema : schema.toUpperCase(Locale.ROOT), postgres ? table : table.toUpperCase(Locale.ROOT))
                .query(String.class).list().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Everything of these live tables a shadow must copy, as text to compare: columns (type, size,
     * NOT NULL, default), constraints, and indexes with their columns in order.
     */
    List<String> catalog(List<String> tables) {
        List<String> lines = new ArrayList<>();
        String schema = postgres ? "public" : "PUBLIC";
        for (String t : tables) {
            String table = postgres ? t : t.toUpperCase(Locale.ROOT);
            lines.addAll(jdbc.sql("SELECT COLUMN_NAME || ' ' || DATA_TYPE || ' ' || COALESCE(CAST(CHARACTER_MAXIMUM_LENGTH AS VARCHAR), '') "
                            + "|| ' ' || COALESCE(CAST(NUMERIC_PRECISION AS VARCHAR), '') || ',' || COALESCE(CAST(NUMERIC_SCALE AS VARCHAR), '') "
                            + "|| ' ' || IS_NULLABLE || ' ' || COALESCE(COLUMN_DEFAULT, '-') FROM INFORMATION_SCHEMA.COLUMNS "
                            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")
                    .params(schema, table).query(String.class).list().stream().map(c -> t + " column " + c).toList());
            lines.addAll(jdbc.sql("SELECT CONSTRAINT_NAME || ' ' || CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_TYPE <> 'CHECK' ORDER BY 1")
                    .params(schema, table).query(String.class).list().stream().map(c -> t + " constraint " + c).toList());
            lines.addAll(jdbc.sql(postgres
                            ? "SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname"
                            : "SELECT i.INDEX_NAME || ' ' || i.INDEX_TYPE_NAME || ' ' || LISTAGG(c.COLUMN_NAME, ',') "
                            + "WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEXES i "
                            + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                            + "WHERE i.TABLE_SCHEMA = ? AND i.TABLE_NAME = ? GROUP BY i.INDEX_NAME, i.INDEX_TYPE_NAME ORDER BY 1")
                    .params(schema, table).query(String.class).list().stream().map(c -> t + " index " + c).toList());
        }
        return lines;
    }

    @Override
    public void close() {
        pool.close();
    }
}
