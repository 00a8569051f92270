package com.retail.recon.notify;

import com.retail.recon.cases.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code recon.notify.*} (README "Notifications"): who hears of what. Checked at start-up like every recon
 * setting: a webhook URL that is not http(s), a webhook without a secret, an unknown event type or e-mail
 * recipients without a sender stop recon with exit 2 and the property's name.
 *
 * @param minPriority case.opened and case.reopened are told for cases of at least this priority
 * @param webhooks    each receives one signed POST per event of its {@code events} (default: all)
 * @param email       one message per completed date to {@code to}, from {@code from} (spring.mail.* says how)
 * @param retry       how hard the end of a run and a running desk try
 */
@ConfigurationProperties("recon.notify")
@Validated
public record NotifyProperties(
        @DefaultValue("HIGH") @NotNull Priority minPriority,
        @DefaultValue List<@NotNull @Valid Webhook> webhooks,
        @DefaultValue @NotNull @Valid Email email,
        @DefaultValue @NotNull @Valid Retry retry) {

    public record Webhook(
            @NotNull @Pattern(regexp = "(?i)https?://[^\\s]+", message = "must be an http:// or https:// URL")
            String url,
            @NotBlank(message = "is required: the receiver checks X-Recon-Signature with it") String secret,
            @DefaultValue List<@NotNull String> events) {

        @AssertTrue(message = "must name event types among: run.completed, run.failed, case.opened, case.reopened, "
                + "case.overdue")
        public boolean isEventsKnown() {
            return events == null || events.stream().allMatch(word -> EventType.ofWord(word).isPresent());
        }

        public boolean wants(EventType type) {
            return events == null || events.isEmpty() || events.contains(type.word());
        }

        /** Never the secret: this may reach a log line or an error message. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=****, events=" + events + "]";
        }
    }

    public record Email(@DefaultValue List<@NotBlank String> to, String from) {

        @AssertTrue(message = "recon.notify.email.from is required when recon.notify.email.to is set")
        public boolean isSenderGiven() {
            return !enabled() || (from != null && !from.isBlank());
        }

        public boolean enabled() {
            return to != null && !to.isEmpty();
        }
    }

    /**
     * @param tries    tries of each delivery at the end of a run (the first and the retries)
     * @param backoff  the wait before the second try; each later wait doubles
     * @param budget   the most the end of a run spends sending: what is left stays pending
     * @param interval how often a running desk ({@code recon serve}) sends what is pending
     * @param timeout  for one HTTP request (connecting and answering)
     */
    public record Retry(@DefaultValue("3") @Min(1) int tries,
                        @DefaultValue("2s") @NotNull Duration backoff,
                        @DefaultValue("30s") @NotNull Duration budget,
                        @DefaultValue("1m") @NotNull Duration interval,
                        @DefaultValue("10s") @NotNull Duration timeout) {
    }

    /** The URLs of the webhooks that want events of this type. */
    public List<String> webhooksFor(EventType type) {
        return webhooks.stream().filter(hook -> hook.wants(type)).map(Webhook::url).toList();
    }
}
