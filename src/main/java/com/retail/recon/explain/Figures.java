package com.retail.recon.explain;

import com.retail.recon.domain.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How explain writes instants, ages, SLAs and amounts, the same in the text and in the reasons. */
public final class Figures {

    private Figures() {
    }

    /** UTC, as the ledgers write instants: {@code 2026-11-25T14:03:00Z}; "" for none. */
    public static String instant(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The amount at its currency's digits; "" for none. */
    public static String amount(Money money) {
        return money == null ? "" : money.toPlainString();
    }

    /** {@code 2d 03:14:05 (184,445 s)}: days, then hours, minutes and seconds, then the seconds the rules compare. */
    public static String age(Duration age) {
        return clock(age) + " (" + seconds(age) + ")";
    }

    /** {@code 24 h (86,400 s)}. */
    public static String sla(Duration sla) {
        long seconds = sla.getSeconds();
        String hours = seconds % 3600 == 0 ? (seconds / 3600) + " h" : clock(sla);
        return hours + " (" + seconds(sla) + ")";
    }

    /** {@code 2d 03:14:05}, {@code 08:47:20}, {@code -00:10:00}. */
    public static String clock(Duration duration) {
        long total = duration.getSeconds();
        String sign = total < 0 ? "-" : "";
        long s = Math.abs(total);
        long days = s / 86_400;
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", (s % 86_400) / 3600, (s % 3600) / 60, s % 60);
        return sign + (days > 0 ? days + "d " : "") + time;
    }

    /** {@code 184,445 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%,d s", duration.getSeconds());
    }
}
