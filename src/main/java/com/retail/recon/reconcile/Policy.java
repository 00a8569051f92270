package com.retail.recon.reconcile;

import com.retail.recon.domain.RefundMethod;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cancellation policy and service levels the rules are evaluated against (the spec's "Policy" table).
 * Built from configuration at the edge; the rules only read it.
 */
public record Policy(
        ZoneId zone,
        Duration decisionSla,
        Duration refundStartSla,
        Map<RefundMethod, Duration> settlementSla,
        BigDecimal amountTolerance,
        Map<String, CategoryPolicy> categories) {

    public static final String DEFAULT_CATEGORY = "DEFAULT";

    public Policy {
        if (!categories.containsKey(DEFAULT_CATEGORY)) {
            throw new IllegalArgumentException("The policy must define the DEFAULT category.");
        }
        for (RefundMethod method : RefundMethod.values()) {
            if (!settlementSla.containsKey(method)) {
                throw new IllegalArgumentException("No settlement SLA for refund method " + method);
            }
        }
        if (amountTolerance.signum() < 0) {
            throw new IllegalArgumentException("amount-tolerance must not be negative: " + amountTolerance);
        }
        settlementSla = Map.copyOf(new EnumMap<>(settlementSla));
        categories = Map.copyOf(categories);
    }

    /** The spec's defaults. */
    public static Policy defaults() {
        return new Policy(
                ZoneId.of("UTC"),
                Duration.ofHours(24),
                Duration.ofHours(48),
                Map.of(RefundMethod.ORIGINAL_PAYMENT, Duration.ofHours(120),
                        RefundMethod.ACCOUNT_CREDIT, Duration.ofHours(24)),
                new BigDecimal("0.01"),
                Map.of(
                        DEFAULT_CATEGORY, new CategoryPolicy(true, null, BigDecimal.ZERO),
                        "DIGITAL", new CategoryPolicy(false, null, BigDecimal.ZERO),
                        "GROCERY", new CategoryPolicy(true, Duration.ofMinutes(30), BigDecimal.ZERO),
                        "FURNITURE", new CategoryPolicy(true, null, new BigDecimal("15"))));
    }

    /** Unknown categories follow DEFAULT. */
    public CategoryPolicy category(String name) {
        return categories.get(policyCategory(name));
    }

    /** The policy's category a product category follows: itself when configured, else DEFAULT. */
    public String policyCategory(String name) {
        return categories.containsKey(name) ? name : DEFAULT_CATEGORY;
    }

    public Duration settlementSla(RefundMethod method) {
        return settlementSla.get(method);
    }

    /** The cutoff of business date D: the start of D+1 in the policy's zone. Ages are measured at it. */
    public Instant cutoff(LocalDate businessDate) {
        return businessDate.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
