package com.retail.recon.system;

import com.retail.recon.domain.Currencies;
import com.retail.recon.domain.RefundMethod;
import com.retail.recon.reconcile.CategoryPolicy;
import com.retail.recon.reconcile.Policy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * Checked when bound, at start-up and before the store is opened ({@link StoreConfiguration}): a bad value
 * stops recon with exit 2 and a line naming the property, instead of failing a run or being used as it is.
 */
@ConfigurationProperties("recon")
@Validated
public record ReconProperties(
        @NotNull @Folder Path inbox,
        @NotNull @Folder(writable = true) Path archive,
        @Positive int chunkSize,
        @PositiveOrZero int partitions,
        @DefaultValue @Valid PartitionProperties partition,
        @NotEmpty Map<@Pattern(regexp = "[A-Z]{3}", message = "is not a currency code: three upper-case letters") String,
                @NotNull @Min(0) @Max(4) Integer> currencies,
        @NotNull @Valid PolicyProperties policy,
        @NotNull @Valid CasesProperties cases) {

    public record PolicyProperties(
            @NotNull ZoneId zone,
            @Positive long decisionSlaHours,
            @Positive long refundStartSlaHours,
            @NotNull @RequiredKeys({"ORIGINAL_PAYMENT", "ACCOUNT_CREDIT"})
            Map<RefundMethod, @NotNull @Positive Long> settlementSlaHours,
            @NotNull @DecimalMin("0") BigDecimal amountTolerance,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal rejectThresholdPercent,
            @NotNull @RequiredKeys(Policy.DEFAULT_CATEGORY)
            Map<String, @NotNull @Valid CategoryProperties> categories) {
    }

    /**
     * {@code recon.cases.*}: a case resolved as fixed opens again when the data still flags it recheck-days
     * dates after the fix was reported; a case is due due-days after it opened (or reopened), by priority.
     */
    public record CasesProperties(@PositiveOrZero int recheckDays,
                                  @NotNull @RequiredKeys({"HIGH", "NORMAL"})
                                  Map<com.retail.recon.cases.Priority, @NotNull @PositiveOrZero Integer> dueDays) {

        public com.retail.recon.cases.CasePolicy toCasePolicy() {
            return new com.retail.recon.cases.CasePolicy(recheckDays,
                    dueDays.get(com.retail.recon.cases.Priority.HIGH),
                    dueDays.get(com.retail.recon.cases.Priority.NORMAL));
        }
    }

    /** {@code window-minutes} empty means "until shipped". */
    public record CategoryProperties(Boolean cancellable, @PositiveOrZero Long windowMinutes,
                                     @DecimalMin("0") @DecimalMax("100") BigDecimal feePercent) {
    }

    /** {@code min-file-bytes}: a file is cut into byte ranges of at least this size. */
    public record PartitionProperties(@DefaultValue("1048576") @Positive long minFileBytes) {
    }

    /** Partitions per partitioned step; 0 (the default) means one per processor core. */
    @Override
    public int partitions() {
        return Cores.orOnePerCore(partitions);
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
