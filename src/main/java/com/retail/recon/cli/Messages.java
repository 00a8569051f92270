package com.retail.recon.cli;

import com.retail.recon.system.Failures;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns unexpected exceptions into one line a person can act on, and the spec's exit code. */
final class Messages {

    private Messages() {
    }

    static String rootMessage(Throwable e) {
        Optional<String> configuration = configurationProblem(e);
        if (configuration.isPresent()) {
            return configuration.get();
        }
        String message = Failures.rootMessage(e);
        if (message.contains("The file is locked") || message.contains("Database may be already in use")) {
            return "the embedded store is in use by another process and this URL cannot share it (an H2 URL "
                    + "needs AUTO_SERVER=TRUE in every process that opens the file, as recon's default has; or use "
                    + "PostgreSQL): " + message;
        }
        if (isLockTimeout(e)) {
            return "another process held the rows this needs for longer than the store's lock timeout (on the "
                    + "embedded store LOCK_TIMEOUT in its URL, 60 s by default; e.g. a long cases step of the nightly "
                    + "run); nothing was changed, try again: " + message;
        }
        if (isStoreProblem(e)) {
            return "the store " + storeUrl() + " cannot be used: " + message;
        }
        return message;
    }

    /**
     * A property that could not be bound or broke its constraints: one line per bad setting, naming it as it is
     * written (recon.policy.reject-threshold-percent), its value and where it was set, instead of Spring's
     * field names and message codes.
     */
    static Optional<String> configurationProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                ValidationErrors errors = invalid.getValidationErrors();
                List<String> lines = new ArrayList<>();
                for (ObjectError error : errors) {
                    if (error instanceof FieldError field) {
                        String name = errors.getName() + "." + propertyPath(field.getField());
                        ConfigurationProperty bound = errors.getBoundProperties().stream()
                                .filter(p -> p.getName().toString().equalsIgnoreCase(name)).findFirst().orElse(null);
                        Object value = bound != null ? bound.getValue() : simple(field.getRejectedValue());
                        lines.add(badSetting(name, value, bound == null ? null : bound.getOrigin(),
                                error.getDefaultMessage()));
                    } else {
                        lines.add("bad configuration: " + errors.getName() + " " + error.getDefaultMessage());
                    }
                }
                return Optional.of(String.join("\nrecon: ", lines));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException unbound) {
                // the property is the one bound last: the failing one itself, or one entry of a failing map
                ConfigurationProperty property = unbound.getProperty();
                boolean itself = property != null && property.getName().equals(unbound.getName());
                Class<?> type = unbound.getTarget().getType().resolve(Object.class);
                boolean scalar = !java.util.Map.class.isAssignableFrom(type)
                        && !java.util.Collection.class.isAssignableFrom(type);
                return Optional.of(badSetting(unbound.getName().toString(), itself ? property.getValue() : null,
                        itself ? property.getOrigin() : null,
                        "cannot be read" + (scalar ? " as " + type.getSimpleName() : "") + ": " + rootCause(unbound)));
            }
        }
        return Optional.empty();
    }

    /** A value as a person would have written it, or null for a whole map, list or record of settings. */
    private static Object simple(Object value) {
        return value instanceof java.util.Map || value instanceof java.util.Collection || value instanceof Record
                ? null : value;
    }

    private static String badSetting(String name, Object value, Origin origin, String problem) {
        return "bad configuration: " + name + (value == null ? "" : "=" + value) + " " + problem
                + (origin == null ? "" : " (" + where(origin) + ")");
    }

    /** policy.categories[FURNITURE].feePercent becomes policy.categories.FURNITURE.fee-percent. */
    static String propertyPath(String field) {
        StringBuilder path = new StringBuilder(field.length() + 8);
        boolean inKey = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '[') {
                inKey = true;
                path.append('.');
            } else if (c == ']') {
                inKey = false;
            } else if (!inKey && Character.isUpperCase(c)) {
                path.append('-').append(Character.toLowerCase(c));
            } else {
                path.append(c);
            }
        }
        return path.toString();
    }

    private static String where(Origin origin) {
        String text = origin.toString();
        if (text.contains("\"commandLineArgs\"")) {
            return "command line";
        }
        return text;
    }

    /** Enum conversions say "No enum constant a.b.RefundMethod.CASH": say which values there are instead. */
    private static String rootCause(Throwable e) {
        String message = Failures.rootMessage(e);
        if (message.startsWith("No enum constant ")) {
            String constant = message.substring("No enum constant ".length());
            try {
                Class<?> type = Class.forName(constant.substring(0, constant.lastIndexOf('.')));
                if (type.isEnum()) {
                    return "not one of " + java.util.Arrays.toString(type.getEnumConstants());
                }
            } catch (ClassNotFoundException | StringIndexOutOfBoundsException ignored) {
                // keep the message as it is
            }
        }
        return message;
    }

    /**
     * The store URL the application resolved (command line, environment, a config file: wherever it came
     * from), recorded by {@link Store} once Spring Boot has prepared its environment.
     */
    private static volatile String storeUrlInUse;

    static void storeUrlInUse(String url) {
        storeUrlInUse = url;
    }

    /** The store URL in use as a person can be shown it: without any password in it. */
    static String storeUrl() {
        String url = storeUrlInUse;
        if (url == null || url.isBlank()) {
            return "(not configured)";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /** Configuration and store problems are exit 2; anything else failed the job (1). */
    static int exitCodeOf(Throwable e) {
        if (isLockTimeout(e)) {
            return 1; // the store works; the same command again will do
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BeanCreationException || t instanceof SQLException) {
                return ReconCommand.USAGE;
            }
        }
        return 1;
    }

    /** H2's LOCK_TIMEOUT_1 (50200), PostgreSQL's lock_not_available (55P03): waited for a row too long. */
    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 50200 || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStoreProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
