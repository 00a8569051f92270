package com.retail.recon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code recon} command line. Arguments are parsed before Spring starts, so that --help and usage
 * errors are instant; Spring Boot properties (any {@code --name=value} whose name has a dot:
 * {@code --spring.*}, {@code --recon.*}, {@code --logging.*}, {@code --management.*}, {@code --server.*}, ...)
 * pass through to the application.
 */
@Command(name = "recon", mixinStandardHelpOptions = true, versionProvider = ReconCommand.Version.class,
        description = "Nightly reconciliation and records archiver for order cancellations.",
        subcommands = {RunCommand.class, RerunCommand.class, RestartCommand.class, StatusCommand.class,
                VerifyCommand.class, ExportCommand.class, ExplainCommand.class, ScheduleCommand.class,
                GenerateCommand.class, WorkerCommand.class, CasesCommand.class, ServeCommand.class,
                UsersCommand.class, NotifyCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  done, or nothing to do",
                "  1  the job failed (restartable: recon restart --date D)",
                "  2  bad usage or configuration, or an earlier date has not completed",
                "  3  input rejected: a whole-file problem or rejects over the threshold",
                "  4  verification found a problem",
                "",
                "Configuration: any Spring Boot property as --key=value or environment variable, e.g.",
                "  --spring.datasource.url=jdbc:postgresql://localhost:5432/recon",
                "  --recon.policy.zone=Europe/Berlin   (see application.yml for every recon.* key)"})
public final class ReconCommand {

    public static final int USAGE = 2;

    /** --quiet: warnings and errors only, no summary block. --verbose: debug lines and failures' stack traces. */
    @picocli.CommandLine.Option(names = {"-q", "--quiet"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Only warnings, errors and the one-line result.")
    void quiet(boolean on) {
        if (on) {
            verbosity = -1;
            springArguments.add("--logging.level.com.retail.recon=WARN");
        }
    }

    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Debug lines from recon and Spring Batch, and stack traces of failures.")
    void verbose(boolean on) {
        if (on) {
            verbosity = 1;
            springArguments.add("--logging.level.com.retail.recon=DEBUG");
            springArguments.add("--logging.level.org.springframework.batch=INFO");
            springArguments.add("--logging.level.org.springframework.batch.core.step.AbstractStep=ERROR");
        }
    }

    /**
     * --log-format json: Spring Boot's structured logging (Elastic Common Schema), one JSON object per line, with
     * the run's business_date and run_id (batch.RunLogContext) as fields of every line a run logs. The same as
     * --logging.structured.format.console=ecs.
     */
    @picocli.CommandLine.Option(names = "--log-format", scope = picocli.CommandLine.ScopeType.INHERIT,
            paramLabel = "text|json", description = "text (default) or json: one JSON object per log line.")
    void logFormat(String format) {
        switch (format) {
            case "json" -> setProperty("logging.structured.format.console", "ecs");
            case "text" -> springArguments.removeIf(arg -> arg.startsWith("--logging.structured.format.console="));
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(ReconCommand.class),
                    "--log-format must be text or json: " + format);
        }
    }

    /** -1 quiet, 0 normal, 1 verbose. */
    static int verbosity;

    /** Properties for Spring Boot, kept aside from the subcommand's own arguments. */
    static final List<String> springArguments = new ArrayList<>();

    private ReconCommand() {
    }

    /**
     * A flag that stands for a property: it replaces any --key=value given for the same property (two would reach
     * Spring as one value joined with a comma).
     */
    static void setProperty(String key, String value) {
        springArguments.removeIf(arg -> arg.startsWith("--" + key + "="));
        springArguments.add("--" + key + "=" + value);
    }

    public static int execute(String[] args) {
        List<String> own = new ArrayList<>();
        springArguments.clear();
        verbosity = 0;
        for (String arg : args) {
            if (isSpringProperty(arg)) {
                springArguments.add(arg);
            } else {
                own.add(arg);
            }
        }
        CommandLine commandLine = commandLine();
        return commandLine.execute(own.toArray(String[]::new));
    }

    /**
     * {@code --name=value} (or {@code --name} alone, Boot's "true") whose name has a dot: a Spring Boot property,
     * as the README promises for every one of them. recon's own options never have a dot in their names.
     */
    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int end = arg.indexOf('=');
        String name = arg.substring(2, end < 0 ? arg.length() : end);
        return name.indexOf('.') > 0 && !name.endsWith(".") && !name.contains(" ");
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(ReconCommand.class);
        commandLine.setExitCodeExceptionMapper(e -> USAGE);
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            if (e instanceof CommandLine.UnmatchedArgumentException
                    && e.getCommandLine().getCommandSpec().qualifiedName().startsWith("recon users")) {
                // not echoed: what was typed there may be a password (--password secret)
                err.println("recon: unknown arguments (not repeated here, in case one is a password); a password "
                        + "is never an argument: give it on standard input with --password-stdin");
            } else {
                err.println("recon: " + e.getMessage());
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (verbosity > 0) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().println("recon: " + Messages.rootMessage(e));
            return Messages.exitCodeOf(e);
        });
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"recon " + com.retail.recon.system.ProductVersion.get()};
        }
    }
}
