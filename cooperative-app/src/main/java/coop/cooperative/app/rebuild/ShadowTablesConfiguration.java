package coop.cooperative.app.rebuild;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/** The shadows for the database the app runs on: H2 and PostgreSQL differ too much to share the SQL. */
@Configuration(proxyBeanMethods = false)
class ShadowTablesConfiguration {

    @Bean
    ShadowTables shadowTables(DataSource dataSource) throws MetaDataAccessException {
        return forDatabase(dataSource);
    }

    static ShadowTables forDatabase(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return switch (product) {
            case "H2" -> new H2ShadowTables(dataSource);
            case "PostgreSQL" -> new PostgresShadowTables(dataSource);
            default -> throw new IllegalStateException("No shadow tables for " + product);
        };
    }
}
