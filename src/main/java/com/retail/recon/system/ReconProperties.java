package com.retail.recon.system;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.reconcile.CategoryPolicy;
import com.retail.recon.reconcile.Policy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything under {@code recon.*} in application.yml (defaults = the spec's), overridable the Spring Boot
 * way: {@code --recon.policy.decision-sla-hours=12}, {@code RECON_POLICY_ZONE=Europe/Berlin}, ...
 */
@ConfigurationProperties("recon")
public record ReconProperties(
        Path inbox,
        Path archive,
        int chunkSize,
        int partitions,
        Map<String, Integer> currencies,
        PolicyProperties policy) {

    public record PolicyProperties(
            ZoneId zone,
            long decisionSlaHours,
            long refundStartSlaHours,
            Map<RefundMethod, Long> settlementSlaHours,
            BigDecimal amountTolerance,
            BigDecimal rejectThresholdPercent,
            Map<String, CategoryProperties> categories) {
    }

    /** {@code window-minutes} empty means "until shipped". */
    public record CategoryProperties(Boolean cancellable, Long windowMinutes, BigDecimal feePercent) {
    }

    /** Partitions per partitioned step; 0 (the default) means one per processor core. */
    @Override
    public int partitions() {
        return partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
    }

    public Currencies toCurrencies() {
        return new Currencies(currencies);
    }

    public Policy toPolicy() {
        Map<RefundMethod, Duration> settlement = new EnumMap<>(RefundMethod.class);
        policy.settlementSlaHours().forEach((method, hours) -> settlement.put(method, Duration.ofHours(hours)));
        Map<String, CategoryPolicy> categories = new LinkedHashMap<>();
        policy.categories().forEach((name, c) -> categories.put(name, new CategoryPolicy(
                c.cancellable() == null || c.cancellable(),
                c.windowMinutes() == null ? null : Duration.ofMinutes(c.windowMinutes()),
                c.feePercent() == null ? BigDecimal.ZERO : c.feePercent())));
        return new Policy(policy.zone(), Duration.ofHours(policy.decisionSlaHours()),
                Duration.ofHours(policy.refundStartSlaHours()), settlement, policy.amountTolerance(), categories);
    }

    public BigDecimal rejectThresholdPercent() {
        return policy.rejectThresholdPercent();
    }
}
