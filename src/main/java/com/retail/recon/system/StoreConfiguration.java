package com.retail.recon.system;

import com.retail.recon.domain.Currencies;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.Policy;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.Map;

/** The store (H2 by default, PostgreSQL when configured) and the policy beans built from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconProperties.class)
public class StoreConfiguration {

    /**
     * Ledgers sort text by code point on both stores: H2 compares strings that way already, PostgreSQL
     * needs the "C" collation on the sorted columns (its default collation may ignore punctuation).
     */
    @Bean
    FlywayConfigurationCustomizer storePlaceholders(Database database) {
        return configuration -> {
            // decided by the database itself, as the store code does (Database), not by the URL's spelling
            boolean postgres = database.isPostgres();
            configuration.placeholders(Map.of(
                    "text_order", postgres ? "COLLATE \"C\"" : "",
                    // see V5: a hash index where PostgreSQL offers one that loads faster
                    "order_lookup", postgres ? "USING hash (order_id)" : "(order_id, business_date)"));
        };
    }

    /**
     * The read-only commands start lazily (cli.Store), yet as every other command they migrate the store and
     * bind and check the whole configuration at start-up: a bad setting is still reported (exit 2) before
     * anything is read.
     */
    @Bean
    static LazyInitializationExcludeFilter checkedAtStartup() {
        LazyInitializationExcludeFilter startUpWork = LazyInitializationExcludeFilter.forBeanTypes(
                FlywayMigrationInitializer.class, Policy.class, Currencies.class, CancellationRules.class);
        return (name, definition, type) -> startUpWork.isExcluded(name, definition, type)
                || type.isAnnotationPresent(ConfigurationProperties.class);
    }

    /**
     * A running partition holds up to four pooled connections at once (reconcile: three cursors and its chunk
     * transaction), and a run one more for its lock. Hikari's default pool of 10 starves three partitions or
     * more (the default is one per core): each waits for a connection another holds until the pool times out
     * after 30 s and the run fails. The pool grows to fit the partitions this process may run at once (the
     * larger of recon.partitions and recon.workers.threads); a larger configured size is kept. Before that, the
     * configuration is bound and checked ({@link #bindReconProperties}).
     */
    @Bean
    static BeanPostProcessor poolSizedForPartitions(Environment environment, ConfigurableListableBeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource) {
                    bindReconProperties(beans);
                }
                if (bean instanceof HikariDataSource pool) {
                    int atOnce = Math.max(
                            Cores.orOnePerCore(environment.getProperty("recon.partitions", Integer.class, 0)),
                            Cores.orOnePerCore(environment.getProperty("recon.workers.threads", Integer.class, 0)));
                    pool.setMaximumPoolSize(Math.max(pool.getMaximumPoolSize(), 4 * atOnce + 4));
                }
                return bean;
            }
        };
    }

    /**
     * Binds (and so validates) every {@code recon.*} properties bean before the store's data source is ready:
     * whatever uses the store needs the data source first, so a bad setting (exit 2, naming the property) stops
     * recon before the store is opened, migrated or written, whatever order the beans happen to be created in.
     */
    private static void bindReconProperties(ConfigurableListableBeanFactory beans) {
        for (String name : beans.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
            Class<?> type = beans.getType(name, false);
            if (type != null && type.getPackageName().startsWith("com.retail.recon")) {
                beans.getBean(name);
            }
        }
    }

    @Bean
    Policy policy(ReconProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    Currencies currencies(ReconProperties properties) {
        return properties.toCurrencies();
    }

    @Bean
    CancellationRules cancellationRules(Policy policy, Currencies currencies) {
        return new CancellationRules(policy, currencies);
    }
}
