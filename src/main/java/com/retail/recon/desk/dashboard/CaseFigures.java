package com.retail.recon.desk.dashboard;

/**
 * EXTENSION POINT for the cases work (issue 18's dashboard: open cases by priority and state, the overdue
 * count, open cases per business date, ageing buckets). A bean of this type is asked once per dashboard view;
 * what it returns is the model attribute {@code caseFigures}, rendered by the fragment {@code figures} of
 * {@code templates/dashboard/case-figures.html}, which the cases work fills in. Until such a bean exists the
 * dashboard shows no case figures at all (none are made up).
 */
public interface CaseFigures {

    /** The figures for the dashboard, read by the case-figures fragment. */
    Object figures();
}
