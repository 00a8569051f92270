package com.retail.recon.generate;

import java.util.SplittableRandom;

/**
 * Decides which rows of one file get a defect. Each row earns {@code share} of a defect; a defect is
 * spent only when a whole one has been earned, so a file never has more defective rows than
 * {@code share} × its rows (at most 4%, safely under recon's 5% threshold, even for a file of 20 rows).
 * A little randomness spreads the defects irregularly. Protected rows (the day's guaranteed coverage)
 * earn but never receive a defect.
 */
final class DefectPlanner {

    private final double share;
    private double earned;

    DefectPlanner(double percent) {
        this.share = percent / 100;
    }

    boolean nextRowIsDefective(boolean protectedRow, SplittableRandom rnd) {
        if (share == 0) {
            return false;
        }
        earned += share;
        if (protectedRow || earned < 1) {
            return false;
        }
        if (earned < 2 && rnd.nextInt(3) != 0) {
            return false;
        }
        earned -= 1;
        return true;
    }
}
