package com.retail.recon.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder setting: a path that exists must be a folder. {@code writable}: recon must be able to write there,
 * or, for a path that does not exist yet, to create it (its nearest existing parent is a writable folder).
 * A folder that does not exist is otherwise fine here: each command says what it needs (run refuses a missing
 * inbox).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Folder.Check.class)
@interface Folder {

    boolean writable() default false;

    String message() default "is not a usable folder";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Folder, Path> {

        private boolean writable;

        @Override
        public void initialize(Folder folder) {
            writable = folder.writable();
        }

        @Override
        public boolean isValid(Path path, ConstraintValidatorContext context) {
            String problem = path == null ? null : problem(path, writable);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }

        static String problem(Path path, boolean writable) {
            if (Files.exists(path)) {
                if (!Files.isDirectory(path)) {
                    return "is not a folder";
                }
                return writable && !Files.isWritable(path) ? "is a folder recon may not write to" : null;
            }
            if (!writable) {
                return null;
            }
            Path parent = path.toAbsolutePath().getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent == null) {
                return null;
            }
            if (!Files.isDirectory(parent)) {
                return "cannot be created: " + parent + " is not a folder";
            }
            return Files.isWritable(parent) ? null : "cannot be created: recon may not write to " + parent;
        }
    }
}
