package com.retail.recon.desk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The desk ({@code recon serve}): its controllers, security and views, scanned only when the application is a
 * servlet web application that is not a worker ({@code recon worker} is one too, for its management port alone).
 * The web starters' auto-configuration is left out of the other commands by {@link DeskAutoConfigurationFilter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "recon.workers.listen", havingValue = "false", matchIfMissing = true)
@ComponentScan
public class DeskConfiguration {
}
