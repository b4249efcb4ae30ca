package cn.gov.enforcement.portal.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * The folder of an H2 file database in the data directory ({@code <data-dir>/db}) is readable by the portal's own
 * account only: the database holds the outbox's mails with their access codes, password hashes and encrypted ID
 * numbers. Before the connection pool opens the database, the folder is created {@code 0700}, or made so when it is
 * looser ({@link OwnerOnly}); H2's files inside it are then out of every other account's reach. A database elsewhere
 * (PostgreSQL, an H2 file outside the data directory) is left alone.
 */
class PrivateDatabaseFolder implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateDatabaseFolder.class);

    private final Environment environment;

    PrivateDatabaseFolder(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Path dataDir = Path.of(environment.getProperty("portal.data-dir", "data")).toAbsolutePath().normalize();
            Path folder = folder(pool.getJdbcUrl());
            if (folder != null && folder.startsWith(dataDir) && !folder.equals(dataDir) && OwnerOnly.posix(folder)) {
                try {
                    OwnerOnly.folder(folder);
                } catch (IOException e) {
                    LOG.warn("Cannot make the database folder {} readable by the portal's account only: {}", folder,
                            e.toString());
                }
            }
        }
        return bean;
    }

    /**
     * The folder of an H2 file database's URL ({@code jdbc:h2:file:<path>} or {@code jdbc:h2:<path>}, {@code ~} for the
     * home folder), null for any other database (in memory, over the network, not H2).
     */
    static Path folder(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.matches("(?i)(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry):.*")) {
            return null;
        }
        if (path.isBlank()) {
            return null;
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
        return parent;
    }
}
