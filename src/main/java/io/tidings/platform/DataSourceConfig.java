package io.tidings.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/** With TIDINGS_DB_URL set, use that server; otherwise start PostgreSQL in the data directory. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${tidings.db.url:}") String url,
                          @Value("${tidings.db.user:}") String user,
                          @Value("${tidings.db.password:}") String password,
                          @Value("${tidings.data-dir:./data}") String dataDir,
                          @Value("${tidings.db.durable:true}") boolean durable,
                          @Value("${tidings.db.pool-size:16}") int poolSize) {
        HikariConfig config = new HikariConfig();
        if (url == null || url.isBlank()) {
            EmbeddedPostgres pg = EmbeddedPostgres.in(Path.of(dataDir), durable);
            config.setJdbcUrl(pg.jdbcUrl());
            config.setUsername(pg.user());
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("tidings");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
