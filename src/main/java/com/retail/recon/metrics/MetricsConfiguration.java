package com.retail.recon.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * recon's metrics, in the processes that have metrics at all ({@link MetricsExport}): its gauges (Spring Boot
 * binds every MeterBinder to the registry) and, where a Pushgateway is configured, the push at the end of a
 * command. Spring Batch's job and step observations come from Boot's BatchObservationAutoConfiguration (the
 * job and the step beans) and batch.StepFactory (the steps made per execution).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MetricsExport.On.class)
class MetricsConfiguration {

    @Bean
    ReconMeters reconMeters(JdbcTemplate jdbc, Environment environment) {
        return new ReconMeters(jdbc, StoreName.of(environment));
    }

    @Bean
    @Conditional(MetricsExport.Pushing.class)
    MetricsPush metricsPush(PrometheusMeterRegistry registry, PrometheusProperties properties,
                            Environment environment, ReconMeters meters) {
        // the Micrometer registry, not just the Prometheus one beneath it: asking for it binds every MeterBinder,
        // also in the lazily built context of export
        return new MetricsPush(registry.getPrometheusRegistry(), properties.getPushgateway(),
                Map.of("store", StoreName.of(environment), "instance", StoreName.instance(environment)), meters);
    }

    /** Boot's own push manager stays out: {@link MetricsPush} says why. */
    @Bean
    static BeanFactoryPostProcessor withoutBootsPushManager() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(PrometheusPushGatewayManager.class, true, false)) {
                ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition(name);
            }
        };
    }
}
