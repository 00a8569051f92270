package com.retail.recon.system;

import com.retail.recon.domain.Currencies;
import com.retail.recon.reconcile.CancellationRules;
import com.retail.recon.reconcile.Policy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    FlywayConfigurationCustomizer storePlaceholders(Environment environment) {
        boolean postgres = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
        return configuration -> configuration.placeholders(Map.of(
                "text_order", postgres ? "COLLATE \"C\"" : "",
                // see V5: a hash index where PostgreSQL offers one that loads faster
                "order_lookup", postgres ? "USING hash (order_id)" : "(order_id, business_date)"));
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
