package com.retail.recon;

import com.retail.recon.cli.ReconCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * recon: nightly reconciliation and records archiver for order cancellations. The command line
 * ({@link ReconCommand}) parses the arguments first and boots this Spring application only for the
 * subcommands that need the store.
 */
@SpringBootApplication
public class ReconApplication {

    public static void main(String[] args) {
        System.exit(ReconCommand.execute(args));
    }
}
