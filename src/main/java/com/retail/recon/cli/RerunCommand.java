package com.retail.recon.cli;

import com.retail.recon.run.NightlyService;
import com.retail.recon.system.ReconProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.concurrent.Callable;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Recompute a business date that has run before, from its inbox folder, and write the next "
                + "bundle revision (<D>.r2/, <D>.r3/, ...: one past the highest). Earlier bundles are never touched; "
                + "anything at a bundle path of the date that this store did not publish stops the rerun (exit 2)."})
final class RerunCommand implements Callable<Integer> {

    @Mixin
    DateOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (options.date == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--date=YYYY-MM-DD'");
        }
        try (ConfigurableApplicationContext store = Store.openPushingMetrics()) {
            ReconProperties properties = store.getBean(ReconProperties.class);
            return new RunEnd(store).finish("rerun", options.date, store.getBean(NightlyService.class)
                    .rerun(options.date, properties.inbox(), properties.archive(), options.allowMissing), options.timings);
        }
    }
}
