package com.retail.recon.explain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How explain writes ages and SLAs: to the second, with the seconds the rules compare. */
class ExplainFiguresTests {

    @Test
    void anAge_showsDaysAndClockTime_andItsSeconds() {
        assertThat(Figures.age(Duration.ofSeconds(184_445))).isEqualTo("2d 03:14:05 (184,445 s)");
        assertThat(Figures.age(Duration.ofSeconds(31_640))).isEqualTo("08:47:20 (31,640 s)");
        assertThat(Figures.age(Duration.ofSeconds(86_401))).isEqualTo("1d 00:00:01 (86,401 s)");
    }

    @Test
    void anEventAfterTheCutoff_hasANegativeAge() {
        assertThat(Figures.age(Duration.ofSeconds(-600))).isEqualTo("-00:10:00 (-600 s)");
    }

    @Test
    void anSla_inWholeHours_orToTheSecondWhenNotWhole() {
        assertThat(Figures.sla(Duration.ofHours(24))).isEqualTo("24 h (86,400 s)");
        assertThat(Figures.sla(Duration.ofMinutes(30))).isEqualTo("00:30:00 (1,800 s)");
    }
}
