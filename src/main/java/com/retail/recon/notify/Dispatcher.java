package com.retail.recon.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends what the outbox holds. Each delivery is claimed before it is sent (two senders never send it at once),
 * then marked delivered, left pending for a later try, or failed for good. A receiver that fails a try is not
 * called again in the same round: the deliveries behind it wait for the next round instead of each waiting out
 * its own timeout.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** Deliveries read from the outbox at a time. */
    private static final int PAGE = 500;

    /** A later try by a running desk waits at most this long after a failed one. */
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** What a sending pass came to; {@code pending} and {@code failed} per channel, after it. */
    public record Pass(int delivered, int notDelivered, Map<String, Long> pending, Map<String, Long> failed) {

        public long pendingTotal() {
            return pending.values().stream().mapToLong(Long::longValue).sum();
        }

        public long failedTotal() {
            return failed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Outbox outbox;
    private final NotifyProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final WebhookClient webhooks;

    Dispatcher(Outbox outbox, NotifyProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        this.outbox = outbox;
        this.properties = properties;
        this.mailSender = mailSender;
        this.webhooks = new WebhookClient(properties.retry().timeout());
    }

    /**
     * The end of a run, and {@code recon notify retry}: every pending delivery, up to {@code recon.notify.retry
     * .tries} tries each with a doubling backoff between rounds, until {@code deadline}. What is left stays
     * pending.
     */
    public Pass sendPending(Instant deadline) {
        int[] counts = new int[2];
        Duration wait = properties.retry().backoff();
        for (int round = 1; round <= properties.retry().tries() && Instant.now().isBefore(deadline); round++) {
            boolean anyLeft = sendRound(null, deadline, counts);
            if (!anyLeft || round == properties.retry().tries()) {
                break;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.compareTo(wait) <= 0) {
                break;
            }
            sleep(wait);
            wait = wait.multipliedBy(2);
        }
        return pass(counts);
    }

    /** A running desk, every {@code recon.notify.retry.interval}: one try of each delivery whose time has come. */
    public Pass sendDue() {
        int[] counts = new int[2];
        sendRound(Instant.now(), Instant.now().plus(properties.retry().interval()), counts);
        return pass(counts);
    }

    public Pass status() {
        return pass(new int[2]);
    }

    private Pass pass(int[] counts) {
        return new Pass(counts[0], counts[1], outbox.count(Outbox.State.PENDING), outbox.count(Outbox.State.FAILED));
    }

    /** One try of each pending delivery (due by {@code dueBy}, when given); whether any is left to try again. */
    private boolean sendRound(Instant dueBy, Instant deadline, int[] counts) {
        Set<String> failingReceivers = new HashSet<>();
        boolean anyLeft = false;
        long afterSeq = -1;
        while (Instant.now().isBefore(deadline)) {
            List<Outbox.Delivery> page = outbox.page(List.of(Outbox.State.PENDING), dueBy, afterSeq, PAGE);
            if (page.isEmpty()) {
                return anyLeft;
            }
            for (Outbox.Delivery delivery : page) {
                afterSeq = delivery.seq();
                if (!Instant.now().isBefore(deadline)) {
                    return true;
                }
                String receiver = delivery.channel() + " " + delivery.target();
                if (failingReceivers.contains(receiver)) {
                    anyLeft = true;
                    continue;
                }
                Instant now = Instant.now();
                if (!outbox.claim(delivery.deliveryId(), now, properties.retry().timeout().plusSeconds(30))) {
                    continue; // delivered meanwhile, or another sender has it now
                }
                WebhookClient.Answer answer = send(delivery, deadline);
                Instant done = Instant.now();
                if (answer.verdict() == WebhookClient.Verdict.DELIVERED) {
                    outbox.delivered(delivery.deliveryId(), done);
                    counts[0]++;
                    continue;
                }
                counts[1]++;
                boolean forGood = answer.verdict() == WebhookClient.Verdict.FAILED;
                outbox.notDelivered(delivery.deliveryId(), done, answer.error(), done.plus(nextWait(delivery)),
                        forGood);
                log.warn("{} {} of {} ({}) to {}: {}{}", delivery.channel(), delivery.deliveryId(),
                        delivery.eventType(), delivery.businessDate(), shown(delivery), answer.error(),
                        forGood ? " (failed: recon notify retry --failed sends it again)" : " (will be retried)");
                if (!forGood) {
                    failingReceivers.add(receiver);
                    anyLeft = true;
                }
            }
        }
        return true;
    }

    /** A running desk waits longer after each failed try of a delivery: the interval, doubled, up to an hour. */
    private Duration nextWait(Outbox.Delivery delivery) {
        Duration wait = properties.retry().interval();
        for (int i = 0; i < Math.min(delivery.attempts(), 10) && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private WebhookClient.Answer send(Outbox.Delivery delivery, Instant deadline) {
        if (Outbox.EMAIL.equals(delivery.channel())) {
            return mail(delivery);
        }
        Optional<NotifyProperties.Webhook> hook = properties.webhooks().stream()
                .filter(configured -> configured.url().equals(delivery.target())).findFirst();
        if (hook.isEmpty()) {
            return new WebhookClient.Answer(WebhookClient.Verdict.FAILED,
                    "no webhook with this URL is configured now (recon.notify.webhooks)");
        }
        return webhooks.post(hook.get().url(), hook.get().secret(), delivery.eventType(), delivery.deliveryId(),
                delivery.body(), deadline);
    }

    private WebhookClient.Answer mail(Outbox.Delivery delivery) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return new WebhookClient.Answer(WebhookClient.Verdict.RETRY,
                    "no mail server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            // multipart/alternative at the top: mail clients show the HTML part, or the text one
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.email().from());
            helper.setTo(delivery.target().split(",\\s*"));
            helper.setSubject(delivery.subject());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(delivery.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(delivery.html(), "UTF-8", "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.setHeader("X-Recon-Delivery", delivery.deliveryId());
            message.setHeader("X-Recon-Event", delivery.eventType());
            sender.send(message);
            return new WebhookClient.Answer(WebhookClient.Verdict.DELIVERED, null);
        } catch (MessagingException | MailException e) {
            return new WebhookClient.Answer(WebhookClient.Verdict.RETRY, e.getClass().getSimpleName() + ": "
                    + Outbox.clip(e.getMessage(), 200));
        }
    }

    /** Where a delivery goes, without the secrets a URL may carry. */
    static String shown(Outbox.Delivery delivery) {
        return Outbox.WEBHOOK.equals(delivery.channel()) ? Redaction.url(delivery.target()) : delivery.target();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
