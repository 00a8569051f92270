package com.retail.recon.ingest;

import com.retail.recon.domain.InputFile;

import com.retail.recon.domain.CancellationRequest;
import com.retail.recon.domain.Channel;
import com.retail.recon.domain.FulfillmentStatus;
import com.retail.recon.domain.OrderLine;
import com.retail.recon.domain.PaymentMethod;
import com.retail.recon.domain.RequestStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first pass of DUPLICATE_KEY and MIXED_ORDER during ingest: it names every key that may break them (the
 * store then decides on those rows alone), and not the orders that plainly break nothing.
 */
class WithinFileScreenTests {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);

    private static OrderLine line(String order, int lineNo, String currency, PaymentMethod method) {
        return new OrderLine(D, order, lineNo, "C-1", Instant.parse("2026-11-20T10:00:00Z"), "SKU", "DEFAULT", 1,
                new BigDecimal("10.00"), new BigDecimal("0.80"), currency, method, FulfillmentStatus.PENDING, null);
    }

    private static OrderLine line(String order, int lineNo) {
        return line(order, lineNo, "USD", PaymentMethod.CARD);
    }

    private static WithinFileScreen orders() {
        return new WithinFileScreen(1_000_000);
    }

    /** The keys an orders screen names after one partition accepted these lines, in this order. */
    private static Set<String> namedAfter(OrderLine... lines) {
        WithinFileScreen screen = orders();
        WithinFileScreen.Partition partition = screen.partition();
        for (OrderLine line : lines) {
            partition.accepted(line);
        }
        return screen.suspiciousKeys();
    }

    @Test
    void ordersWhoseLinesComeTogetherAndAgree_areNotNamed() {
        assertThat(namedAfter(line("O-1", 1), line("O-1", 2), line("O-2", 1), line("O-3", 1), line("O-3", 2)))
                .isEmpty();
    }

    @Test
    void aKeyTwice_namesItsOrder_whereverTheSecondRowIs() {
        assertThat(namedAfter(line("O-1", 1), line("O-1", 1), line("O-2", 1), line("O-3", 1),
                line("O-2", 1))).containsExactlyInAnyOrder("O-1", "O-2");
    }

    @Test
    void aLineInAnotherCurrencyOrPaymentMethod_namesItsOrder() {
        assertThat(namedAfter(line("O-1", 1), line("O-1", 2, "EUR", PaymentMethod.CARD),
                line("O-2", 1), line("O-2", 2, "USD", PaymentMethod.GIFT_CARD), line("O-3", 1)))
                .containsExactlyInAnyOrder("O-1", "O-2");
    }

    @Test
    void anOrderWhoseLinesAreApart_isNamed_evenIfTheyAgree() {
        assertThat(namedAfter(line("O-1", 1), line("O-2", 1), line("O-1", 2, "EUR", PaymentMethod.CARD)))
                .containsExactly("O-1");
    }

    @Test
    void anOrderSplitBetweenTwoPartitions_isNamed() {
        WithinFileScreen screen = orders();
        WithinFileScreen.Partition first = screen.partition();
        WithinFileScreen.Partition second = screen.partition();
        second.accepted(line("O-2", 2, "EUR", PaymentMethod.CARD));
        second.accepted(line("O-3", 1));
        first.accepted(line("O-1", 1));
        first.accepted(line("O-2", 1));
        assertThat(screen.suspiciousKeys()).containsExactly("O-2");
    }

    @Test
    void aRequestIdTwice_isNamed() {
        WithinFileScreen screen = new WithinFileScreen(1_000_000);
        WithinFileScreen.Partition partition = screen.partition();
        for (String id : List.of("R-1", "R-2", "R-1", "R-3")) {
            partition.accepted(new CancellationRequest(D, id, "O-1", null, "C-1",
                    Instant.parse("2026-11-20T10:00:00Z"), Channel.WEBSITE, "", RequestStatus.REQUESTED, null, null));
        }
        assertThat(screen.suspiciousKeys()).containsExactly("R-1");
    }

    @Test
    void theAnswerCoversTheFile_onlyWhenEveryPartitionCompletedFeedingIt() {
        WithinFileScreens screens = new WithinFileScreens(true);
        WithinFileScreen screen = screens.screen(7, InputFile.ORDERS, Path.of("no-such-file.csv")).orElseThrow();
        screen.partition().accepted(line("O-1", 1));
        screen.completed(101);

        assertThat(screens.suspiciousKeys(7, InputFile.ORDERS, List.of(101L, 102L))).isEmpty();
        screen.completed(102);
        assertThat(screens.suspiciousKeys(7, InputFile.ORDERS, List.of(101L, 102L))).contains(Set.of());
        assertThat(screens.suspiciousKeys(8, InputFile.ORDERS, List.of(101L, 102L))).as("another job execution")
                .isEmpty();
        screens.forget(7);
        assertThat(screens.suspiciousKeys(7, InputFile.ORDERS, List.of(101L, 102L))).isEmpty();
    }

    @Test
    void aJobThatNeverSettled_hasItsScreensDropped_whenTheNextJobStarts() {
        WithinFileScreens screens = new WithinFileScreens(true);
        WithinFileScreen failed = screens.screen(7, InputFile.ORDERS, Path.of("no-such-file.csv")).orElseThrow();
        failed.completed(101);

        screens.screen(8, InputFile.ORDERS, Path.of("no-such-file.csv")).orElseThrow().completed(201);

        assertThat(screens.suspiciousKeys(7, InputFile.ORDERS, List.of(101L))).isEmpty();
        assertThat(screens.suspiciousKeys(8, InputFile.ORDERS, List.of(201L))).isPresent();
    }

    @Test
    void withRemoteWorkers_nothingIsScreened() {
        assertThat(new WithinFileScreens(false).screen(7, InputFile.ORDERS, Path.of("orders.csv"))).isEmpty();
    }
}
