package coop.cooperative.app.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shadows on H2. H2 cannot move a table to another schema, so a shadow is a table beside the live
 * one, {@code LEDGER_COSTS__REBUILD}, with its constraint and index names suffixed the same way
 * (they are unique per schema). The schema VIEW_REBUILD holds a synonym per shadow under the live
 * name, and a routed connection looks there first. The shadow's DDL is the live table's as
 * {@code SCRIPT NODATA} prints it, names rewritten: H2 has no {@code CREATE TABLE ... LIKE}.
 */
final class H2ShadowTables implements ShadowTables {

    private static final String LIVE = "PUBLIC";
    private static final String ROUTED = "VIEW_REBUILD";
    private static final String SHADOW = "__REBUILD";
    private static final String RETIRED = "__RETIRED";
    /** A quoted name as SCRIPT prints it: inner quotes doubled. */
    private static final String NAME = "\"((?:[^\"]|\"\")+)\"";

    private final JdbcClient jdbc;

    H2ShadowTables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void create(List<String> tables) {
        List<String> names = upper(tables);
        for (String table : names) {
            if (!exists(table)) {
                throw new IllegalStateException("No live table " + table + (exists(table + SHADOW)
                        ? ", but its shadow: a swap was cut short; run swap again" : ""));
            }
        }
        for (String table : names) {
            dropShadow(table);
            // Left by a swap that died after the shadow took the live name: the old live table, and the suffixed names.
            execute("DROP TABLE IF EXISTS " + qualified(table + RETIRED));
            restoreNames(table);
            refuseForeignKeysTo(table);
            Script script = script(table);
            script.create().forEach(this::execute);
            alignConstraintIndexNames(table);
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + ROUTED);
        for (String table : names) {
            execute("CREATE SYNONYM " + ROUTED + "." + quoted(table) + " FOR " + qualified(table + SHADOW));
        }
    }

    /**
     * H2 looks up an unqualified name in the current schema first, then along the search path. The
     * default search path is none, which is the same as the current schema alone: unroute sets that.
     */
    @Override
    public void route(Connection connection) throws SQLException {
        if (!LIVE.equals(connection.getSchema())) {
            throw new IllegalStateException("Connection not in schema " + LIVE + ": " + connection.getSchema());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SCHEMA " + ROUTED);
            statement.execute("SET SCHEMA_SEARCH_PATH " + ROUTED + ", " + LIVE);
        }
    }

    @Override
    public void unroute(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SCHEMA " + LIVE);
            statement.execute("SET SCHEMA_SEARCH_PATH " + LIVE);
        }
    }

    @Override
    public void buildIndexes(List<String> tables) {
        for (String table : upper(tables)) {
            if (!exists(table + SHADOW)) {
                throw new IllegalStateException("No shadow of " + table);
            }
            List<String> built = indexNames(table + SHADOW);
            for (Index index : script(table).secondaryIndexes()) {
                if (!built.contains(index.name() + SHADOW)) {
                    execute(index.ddl());
                }
            }
        }
    }

    /**
     * Every step looks at what is there, so a rerun after a crash goes on where the last run stopped:
     * synonyms dropped; the live table renamed to __RETIRED and the shadow to the live name; the
     * retired one dropped; then the suffixed names, freed by that drop, back to the live ones.
     */
    @Override
    public void swap(List<String> tables) {
        List<String> names = upper(tables);
        names.forEach(this::dropSynonym);
        for (String table : names) {
            boolean shadow = exists(table + SHADOW);
            boolean live = exists(table);
            if (shadow && live) {
                execute("DROP TABLE IF EXISTS " + qualified(table + RETIRED));
                execute("ALTER TABLE " + qualified(table) + " RENAME TO " + quoted(table + RETIRED));
                live = false;
            }
            if (shadow) {
                execute("ALTER TABLE " + qualified(table + SHADOW) + " RENAME TO " + quoted(table));
            } else if (!live) {
                throw new IllegalStateException("Neither " + table + " nor its shadow exists");
            }
        }
        for (String table : names) {
            execute("DROP TABLE IF EXISTS " + qualified(table + RETIRED));
            restoreNames(table);
        }
    }

    @Override
    public void drop(List<String> tables) {
        for (String table : upper(tables)) {
            if (!exists(table) && exists(table + SHADOW)) {
                // The shadow already is the view: dropping it would leave none. Finish the swap instead.
                throw new IllegalStateException("No live table " + table + ": a swap was cut short; run swap again");
            }
            dropShadow(table);
        }
    }

    /** An H2 file is opened by one application at a time. */
    @Override
    public boolean sharedByNodes() {
        return false;
    }

    @Override
    public boolean hasShadow(List<String> tables) {
        return upper(tables).stream().anyMatch(table -> exists(table + SHADOW));
    }

    private void dropShadow(String table) {
        dropSynonym(table);
        execute("DROP TABLE IF EXISTS " + qualified(table + SHADOW));
    }

    /** DROP SYNONYM IF EXISTS fails when the schema does not exist (yet). */
    private void dropSynonym(String table) {
        if (jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYNONYMS WHERE SYNONYM_SCHEMA = ? AND SYNONYM_NAME = ?")
                .params(ROUTED, table).query(Long.class).single() > 0) {
            execute("DROP SYNONYM " + ROUTED + "." + quoted(table));
        }
    }

    /** The live table's DDL: what the shadow is created with, and the indexes built after the load. */
    private record Script(List<String> create, List<Index> secondaryIndexes) {
    }

    private record Index(String name, String ddl) {
    }

    private Script script(String table) {
        String live = Pattern.quote(qualified(table));
        Pattern createTable = Pattern.compile("(CREATE (?:CACHED |MEMORY )?TABLE )" + live + "(\\(.*)", Pattern.DOTALL);
        Pattern constraint = Pattern.compile("ALTER TABLE " + live + " ADD CONSTRAINT \"PUBLIC\"\\." + NAME
                + "( (?:PRIMARY KEY|UNIQUE|CHECK).*)", Pattern.DOTALL);
        Pattern index = Pattern.compile("(CREATE (UNIQUE )?(?:NULLS (?:NOT |ALL )?DISTINCT )?INDEX )\"PUBLIC\"\\." + NAME
                + " ON " + live + "(\\(.*)", Pattern.DOTALL);
        String shadow = qualified(table + SHADOW);
        List<String> create = new ArrayList<>();
        List<Index> secondary = new ArrayList<>();
        for (String statement : jdbc.sql("SCRIPT NODATA TABLE " + qualified(table)).query(String.class).list()) {
            Matcher m;
            if ((m = createTable.matcher(statement)).matches()) {
                create.add(m.group(1) + shadow + m.group(2));
            } else if ((m = constraint.matcher(statement)).matches()) {
                create.add("ALTER TABLE " + shadow + " ADD CONSTRAINT " + suffixed(m.group(1)) + m.group(2));
            } else if ((m = index.matcher(statement)).matches()) {
                String ddl = m.group(1) + suffixed(m.group(3)) + " ON " + shadow + m.group(4);
                // Unique indexes are constraints in all but name: the load must keep to them too.
                if (m.group(2) != null) {
                    create.add(ddl);
                } else {
                    secondary.add(new Index(m.group(3).replace("\"\"", "\""), ddl));
                }
            } else if (statement.contains(qualified(table))) {
                // a foreign key, a comment, a grant...: nothing our migrations write; better to stop than to lose it
                throw new IllegalStateException("Cannot copy to the shadow of " + table + ": " + statement);
            }
            // anything else SCRIPT prints (CREATE USER, comments, other schema objects) is not the table's
        }
        if (create.isEmpty()) {
            throw new IllegalStateException("SCRIPT printed no CREATE TABLE for " + table);
        }
        return new Script(create, secondary);
    }

    private void refuseForeignKeysTo(String table) {
        long referring = jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r "
                        + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA "
                        + "AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME WHERE u.TABLE_SCHEMA = ? AND u.TABLE_NAME = ?")
                .params(LIVE, table).query(Long.class).single();
        if (referring > 0) {
            throw new IllegalStateException("Foreign keys refer to " + table + ": shadows do not support them");
        }
    }

    /**
     * A primary key or unique constraint makes its own index, with a generated name. The shadow's is
     * renamed after the live one's, suffixed, so that after the swap the names are the live ones.
     */
    private void alignConstraintIndexNames(String table) {
        List<String[]> pairs = jdbc.sql("SELECT s.INDEX_NAME, l.INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS s "
                        + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS l ON l.TABLE_SCHEMA = s.TABLE_SCHEMA AND l.TABLE_NAME = ? "
                        + "AND s.CONSTRAINT_NAME = l.CONSTRAINT_NAME || ? "
                        + "WHERE s.TABLE_SCHEMA = ? AND s.TABLE_NAME = ? AND s.INDEX_NAME IS NOT NULL AND l.INDEX_NAME IS NOT NULL")
                .params(table, SHADOW, LIVE, table + SHADOW)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] pair : pairs) {
            String wanted = pair[1] + SHADOW;
            if (!pair[0].equals(wanted) && !indexNames(table + SHADOW).contains(wanted)) {
                execute("ALTER INDEX " + qualified(pair[0]) + " RENAME TO " + quoted(wanted));
            }
        }
    }

    /** The live table's constraint and index names still suffixed (a swap that died before this step). */
    private void restoreNames(String table) {
        if (!exists(table)) {
            return;
        }
        for (String name : jdbc.sql("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?").params(LIVE, table).query(String.class).list()) {
            if (name.endsWith(SHADOW)) {
                execute("ALTER TABLE " + qualified(table) + " RENAME CONSTRAINT " + qualified(name)
                        + " TO " + quoted(unsuffixed(name)));
            }
        }
        for (String name : indexNames(table)) {
            if (name.endsWith(SHADOW)) {
                execute("ALTER INDEX " + qualified(name) + " RENAME TO " + quoted(unsuffixed(name)));
            }
        }
    }

    private List<String> indexNames(String table) {
        return jdbc.sql("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")
                .params(LIVE, table).query(String.class).list();
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")
                .params(LIVE, table).query(Long.class).single() > 0;
    }

    private void execute(String sql) {
        jdbc.sql(sql).update();
    }

    /** Unquoted names in the migrations are upper case in H2's catalog. */
    private static List<String> upper(List<String> tables) {
        return ShadowTables.checked(tables).stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
    }

    /** A name as SCRIPT quotes it (inner quotes doubled), with the shadow's suffix. */
    private static String suffixed(String scriptName) {
        return "\"PUBLIC\".\"" + scriptName + SHADOW + "\"";
    }

    private static String unsuffixed(String name) {
        return name.substring(0, name.length() - SHADOW.length());
    }

    private static String qualified(String name) {
        return "\"" + LIVE + "\"." + quoted(name);
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
