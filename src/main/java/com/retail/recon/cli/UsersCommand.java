package com.retail.recon.cli;

import com.retail.recon.users.DeskUser;
import com.retail.recon.users.Role;
import com.retail.recon.users.Users;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"The people who log in to the desk (recon serve), kept in the store with bcrypt hashes.",
                "A password is never an argument (it would land in the shell history and the process list): it is "
                        + "read from standard input with --password-stdin, or asked for twice at the terminal. "
                        + "At least 10 characters, at most 72 bytes. A user name is up to 64 characters, without "
                        + "':' or control characters.",
                "Roles: AGENT (customer service: escalation cases, explain), FINANCE (sees everything, exception "
                        + "cases, exports), AUDITOR (sees everything, changes nothing), ADMIN (all of that, plus "
                        + "users). Works while recon serve runs: a user added here can log in at once."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.Password.class})
final class UsersCommand {

    /** Where passwords come from; tests replace it. */
    static InputStream stdin = System.in;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user, enabled. The password is read from standard input (--password-stdin) or "
                    + "asked for twice at the terminal; it is never an argument, so it stays out of the shell "
                    + "history and the process list. The first ADMIN is made this way, e.g.",
                    "  recon users add alice --role ADMIN --password-stdin < alice.password",
                    "  recon users add bob --role AGENT          (asks at the terminal)"})
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The name to log in with.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "AGENT, FINANCE, AUDITOR or ADMIN.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from standard input (its first line).")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                System.err.println("recon: " + e.getMessage());
                return ReconCommand.USAGE;
            }
            char[] password = password(passwordStdin);
            if (password == null) {
                return ReconCommand.USAGE;
            }
            try {
                return withUsers(users -> users.add(name, parsed, java.nio.CharBuffer.wrap(password), Instant.now()),
                        "added " + name + " (" + parsed + ")");
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every user: name, role, state (enabled, disabled, or held until a time after too many "
                    + "wrong passwords) and when added.")
    static final class ListUsers implements Callable<Integer> {
        @Override
        public Integer call() {
            try (ConfigurableApplicationContext store = Store.openForReading()) {
                List<DeskUser> users = store.getBean(Users.class).list();
                if (users.isEmpty()) {
                    System.out.println("No users yet. Add the first ADMIN: recon users add NAME --role ADMIN "
                            + "--password-stdin");
                    return 0;
                }
                Instant now = Instant.now();
                int width = Math.max(4, users.stream().mapToInt(u -> u.name().length()).max().orElse(4));
                System.out.printf("%-" + width + "s  %-7s  %-30s  %s%n", "name", "role", "state", "added");
                DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
                for (DeskUser user : users) {
                    String state = !user.enabled() ? "disabled"
                            : user.lockedAt(now) ? "held until " + minutes.format(user.lockedUntil()) : "enabled";
                    System.out.printf("%-" + width + "s  %-7s  %-30s  %s%n", user.name(), user.role(), state,
                            minutes.format(user.createdAt()));
                }
                return 0;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Refuse a user's logins from now on (the last enabled ADMIN cannot be disabled). A page "
                    + "already open keeps its session until it expires (30 minutes idle) or logs out.")
    static final class Disable implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return withUsers(users -> users.disable(name), "disabled " + name);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Let a disabled user log in again; also lifts a hold after wrong passwords.")
    static final class Enable implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return withUsers(users -> users.enable(name), "enabled " + name);
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Give a user a new password (from standard input with --password-stdin, or asked for at "
                    + "the terminal); also lifts a hold after wrong passwords.")
    static final class Password implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from standard input (its first line).")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            char[] password = password(passwordStdin);
            if (password == null) {
                return ReconCommand.USAGE;
            }
            try {
                return withUsers(users -> users.setPassword(name, java.nio.CharBuffer.wrap(password)),
                        "new password set for " + name);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static int withUsers(Consumer<Users> change, String done) {
        try (ConfigurableApplicationContext store = Store.openForReading()) {
            change.accept(store.getBean(Users.class));
            System.out.println(done);
            return 0;
        } catch (Users.Refused e) {
            System.err.println("recon: " + e.getMessage());
            return ReconCommand.USAGE;
        }
    }

    /** The password from stdin's first line or the terminal (asked twice); null, said why, when there is none. */
    static char[] password(boolean fromStdin) throws IOException {
        if (fromStdin) {
            char[] line = firstLine(stdin);
            if (line.length == 0) {
                System.err.println("recon: no password on standard input");
                return null;
            }
            return line;
        }
        Console console = System.console();
        if (console == null) {
            System.err.println("recon: no terminal to ask for the password; give it on standard input with "
                    + "--password-stdin");
            return null;
        }
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            System.err.println("recon: the two passwords differ");
            return null;
        }
        Arrays.fill(again, '\0');
        return first;
    }

    /** The bytes up to the first LF (a CR before it dropped), as UTF-8. */
    private static char[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            bytes.write(b);
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw, 0, length));
        char[] result = new char[chars.remaining()];
        chars.get(result);
        Arrays.fill(raw, (byte) 0);
        return result;
    }
}
