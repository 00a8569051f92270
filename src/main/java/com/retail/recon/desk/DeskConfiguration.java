package com.retail.recon.desk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The desk ({@code recon serve}): its controllers, security and views, scanned only when the application is a
 * servlet web application, which only {@code serve} makes it. The web starters' auto-configuration is left out
 * of the other commands by {@link DeskAutoConfigurationFilter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ComponentScan
public class DeskConfiguration {
}
