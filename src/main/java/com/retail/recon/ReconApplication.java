package com.retail.recon;

import com.retail.recon.cli.ReconCommand;
import com.retail.recon.desk.DeskConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * recon: nightly reconciliation and records archiver for order cancellations. The command line
 * ({@link ReconCommand}) parses the arguments first and boots this Spring application only for the
 * subcommands that need the store.
 *
 * <p>{@code @SpringBootApplication} spelled out, to leave the desk's package ({@code recon serve}, the one web
 * application) out of the scan: {@link DeskConfiguration} scans it only when the application is a web one, so
 * the other commands never build its controllers and security.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.retail\\.recon\\.desk\\..*")})
@Import(DeskConfiguration.class)
public class ReconApplication {

    public static void main(String[] args) {
        // The embedded store's default URL has AUTO_SERVER=TRUE: the first recon process to open the file serves
        // it to the others over TCP (README "The store"). Only to this machine's: H2 otherwise listens on every
        // interface. Read once, when H2 is first loaded; -Dh2.bindAddress=... (RECON_JAVA_OPTS) overrides it.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(ReconCommand.execute(args));
    }
}
