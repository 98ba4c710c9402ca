package coop.cooperative.app.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shadows on PostgreSQL: tables of the same names in the schema view_rebuild, found first by a routed
 * connection's search_path. The swap moves the live table out to view_retired and the shadow into
 * public, in the caller's transaction: readers wait for its lock and then find the new table by name.
 * Index and constraint names are per schema, so the shadow has the live names from the start.
 */
final class PostgresShadowTables implements ShadowTables {

    private static final String LIVE = "public";
    private static final String ROUTED = "view_rebuild";
    private static final String RETIRED = "view_retired";
    private static final Pattern ROUTED_PATH = Pattern.compile("^" + ROUTED + ",\\s*(.*)$", Pattern.DOTALL);

    private final JdbcClient jdbc;

    PostgresShadowTables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void create(List<String> tables) {
        List<String> names = ShadowTables.checked(tables);
        for (String table : names) {
            if (!exists(LIVE, table)) {
                throw new IllegalStateException("No live table " + table);
            }
            refuseForeignKeys(table);
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + ROUTED);
        for (String table : names) {
            execute("DROP TABLE IF EXISTS " + ROUTED + "." + quoted(table));
            // Columns, types, NOT NULL, defaults and checks; keys and indexes follow by name, so that
            // the shadow's are called what the live table's are and not what LIKE would generate.
            execute("CREATE TABLE " + ROUTED + "." + quoted(table) + " (LIKE " + LIVE + "." + quoted(table)
                    + " INCLUDING ALL EXCLUDING INDEXES)");
            jdbc.sql("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                            + "WHERE conrelid = " + relation() + " AND contype IN ('p', 'u') ORDER BY contype, conname")
                    .params(LIVE, table)
                    .query((rs, n) -> "ALTER TABLE " + ROUTED + "." + quoted(table) + " ADD CONSTRAINT "
                            + quoted(rs.getString(1)) + " " + rs.getString(2))
                    .list().forEach(this::execute);
            // Unique indexes are constraints in all but name: the load must keep to them too.
            indexes(table, true).forEach(index -> execute(index.ddl()));
        }
    }

    /**
     * The shadows' schema goes before whatever the search_path was, and unroute takes it off again.
     * In a transaction the setting is local to it (SET LOCAL), so its end undoes a route that was
     * never unrouted: a pooled connection cannot stay routed.
     */
    @Override
    public void route(Connection connection) throws SQLException {
        String path = searchPath(connection);
        if (ROUTED_PATH.matcher(path).matches()) {
            throw new IllegalStateException("Connection already routed: " + path);
        }
        setSearchPath(connection, ROUTED + ", " + path);
    }

    @Override
    public void unroute(Connection connection) throws SQLException {
        Matcher routed = ROUTED_PATH.matcher(searchPath(connection));
        if (routed.matches()) {
            setSearchPath(connection, routed.group(1));
        }
    }

    @Override
    public void buildIndexes(List<String> tables) {
        for (String table : ShadowTables.checked(tables)) {
            if (!exists(ROUTED, table)) {
                throw new IllegalStateException("No shadow of " + table);
            }
            List<String> built = jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ?")
                    .params(ROUTED, table).query(String.class).list();
            indexes(table, false).stream().filter(index -> !built.contains(index.name()))
                    .forEach(index -> execute(index.ddl()));
        }
    }

    @Override
    public void swap(List<String> tables) {
        List<String> names = ShadowTables.checked(tables);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A swap must run in a transaction, or readers could find no table");
        }
        for (String table : names) {
            if (!exists(ROUTED, table)) {
                throw new IllegalStateException("No shadow of " + table);
            }
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + RETIRED);
        for (String table : names) {
            execute("DROP TABLE IF EXISTS " + RETIRED + "." + quoted(table));
            execute("ALTER TABLE " + LIVE + "." + quoted(table) + " SET SCHEMA " + RETIRED);
            execute("ALTER TABLE " + ROUTED + "." + quoted(table) + " SET SCHEMA " + LIVE);
        }
        for (String table : names) {
            execute("DROP TABLE " + RETIRED + "." + quoted(table));
        }
    }

    @Override
    public void drop(List<String> tables) {
        for (String table : ShadowTables.checked(tables)) {
            execute("DROP TABLE IF EXISTS " + ROUTED + "." + quoted(table));
        }
    }

    /** Several nodes may share a PostgreSQL database. */
    @Override
    public boolean sharedByNodes() {
        return true;
    }

    @Override
    public boolean hasShadow(List<String> tables) {
        return ShadowTables.checked(tables).stream().anyMatch(table -> exists(ROUTED, table));
    }

    private record Index(String name, String ddl) {
    }

    /** The live table's indexes that back no constraint, as DDL for the shadow: unique ones, or the others. */
    private List<Index> indexes(String table, boolean unique) {
        // pg_get_indexdef names the table schema-qualified: "... ON public.t USING btree (...)"
        Pattern on = Pattern.compile(" ON (ONLY )?" + LIVE + "\\." + Pattern.quote(identifier(table)) + " USING ");
        return jdbc.sql("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                        + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = " + relation()
                        + " AND i.indisunique = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                        + "WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid) ORDER BY c.relname")
                .params(LIVE, table, unique)
                .query((rs, n) -> {
                    String ddl = rs.getString(2);
                    Matcher m = on.matcher(ddl);
                    if (!m.find()) {
                        throw new IllegalStateException("Cannot copy index to the shadow: " + ddl);
                    }
                    return new Index(rs.getString(1), ddl.substring(0, m.start()) + " ON "
                            + (m.group(1) == null ? "" : m.group(1)) + ROUTED + "." + quoted(table) + " USING "
                            + ddl.substring(m.end()));
                })
                .list();
    }

    private void refuseForeignKeys(String table) {
        long foreign = jdbc.sql("SELECT COUNT(*) FROM pg_constraint WHERE contype NOT IN ('p', 'u', 'c', 'n') "
                        + "AND (conrelid = " + relation() + " OR confrelid = " + relation() + ")")
                .params(LIVE, table, LIVE, table).query(Long.class).single();
        if (foreign > 0) {
            throw new IllegalStateException(table + " has foreign keys or exclusion constraints: shadows do not support them");
        }
    }

    /** The oid of the table named by the next two parameters (schema, table), or none. */
    private static String relation() {
        return "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))";
    }

    private boolean exists(String schema, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")
                .params(schema, table).query(Long.class).single() > 0;
    }

    /** The name as PostgreSQL prints it: quoted only when it must be (a keyword such as "order"). */
    private String identifier(String name) {
        return jdbc.sql("SELECT quote_ident(?)").param(name).query(String.class).single();
    }

    private void execute(String sql) {
        jdbc.sql(sql).update();
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement("SELECT current_setting('search_path')");
             ResultSet rs = show.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setSearchPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('search_path', ?, ?)")) {
            set.setString(1, path);
            set.setBoolean(2, !connection.getAutoCommit());
            set.executeQuery().close();
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
