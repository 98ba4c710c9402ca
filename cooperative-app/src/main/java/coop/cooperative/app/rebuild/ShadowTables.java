package coop.cooperative.app.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The database side of a shadow rebuild: a view's tables are rebuilt beside the live ones (the
 * shadows) while the live ones keep answering, then take their place. Tables are named as in the
 * migrations (lower case, unquoted) and live in the default schema.
 * <p>
 * The order of a rebuild: {@link #create}, then the load on a {@link #route routed} connection,
 * {@link #unroute}, {@link #buildIndexes}, {@link #swap}; or {@link #drop} when it is given up.
 * One rebuild at a time per database: a routed connection sees every shadow there is, not only
 * those of its own view.
 * <p>
 * Every operation but route and unroute joins the caller's Spring transaction when there is one. On
 * H2 each DDL statement commits that transaction so far (H2 commits before DDL), so there the
 * caller keeps readers away during a swap; on PostgreSQL the swap is atomic in the caller's transaction.
 */
interface ShadowTables {

    /**
     * Drops what a rebuild that died left of these tables' shadows, then creates an empty shadow of
     * each: the same columns, types, NOT NULL, defaults, primary key and unique constraints and
     * indexes, but none of the other indexes (they are built after the load). Fails if a live
     * table is missing (on H2: a swap cut short, which {@link #swap} finishes) or has foreign keys.
     */
    void create(List<String> tables);

    /**
     * On this connection, the unqualified names of the shadowed tables mean the shadows; every other
     * name still means the live table. For SELECT, INSERT, UPDATE, DELETE and MERGE. On H2 a shadowed
     * table cannot be named as a column qualifier ({@code ledger_costs.amount}): give it an alias.
     */
    void route(Connection connection) throws SQLException;

    /** Gives the connection back its normal name resolution (before it returns to the pool). */
    void unroute(Connection connection) throws SQLException;

    /** Builds on each shadow the secondary indexes its live table has; those already built are kept. */
    void buildIndexes(List<String> tables);

    /**
     * Each shadow takes its live table's place under the live names (of the table, its constraints
     * and indexes), and the old live table is dropped. On PostgreSQL, inside the caller's
     * transaction (required): other connections see the old tables until it commits and the new
     * ones after. On H2, a sequence of steps that may be run again after a crash at any step.
     */
    void swap(List<String> tables);

    /** Drops the shadows of these tables, if any; the live tables are untouched. */
    void drop(List<String> tables);

    /**
     * Whether other nodes may use the database too (PostgreSQL), or this node alone (the H2 file):
     * then nothing another node began can be under way when this one starts.
     */
    boolean sharedByNodes();

    /** Whether any of these tables has a shadow (a rebuild under way, or one that died). */
    boolean hasShadow(List<String> tables);

    /** Table names come from our own code, but end up in SQL: nothing but what the migrations use. */
    Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]+");

    static List<String> checked(List<String> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("No tables given");
        }
        for (String table : tables) {
            // "__" is kept for the names of shadows on H2 (ledger_costs__rebuild)
            if (table == null || !TABLE_NAME.matcher(table).matches() || table.contains("__")) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
        }
        return List.copyOf(tables);
    }
}
