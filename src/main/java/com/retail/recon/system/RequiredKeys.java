package com.retail.recon.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** A map setting that must name each of these keys (enum keys by their name). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RequiredKeys.Check.class)
@interface RequiredKeys {

    String[] value();

    String message() default "must have an entry for each of {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<RequiredKeys, Map<?, ?>> {

        private String[] keys;

        @Override
        public void initialize(RequiredKeys required) {
            keys = required.value();
        }

        @Override
        public boolean isValid(Map<?, ?> map, ConstraintValidatorContext context) {
            if (map == null) {
                return true;
            }
            for (String key : keys) {
                if (map.keySet().stream().noneMatch(k -> String.valueOf(k).equals(key))) {
                    return false;
                }
            }
            return true;
        }
    }
}
