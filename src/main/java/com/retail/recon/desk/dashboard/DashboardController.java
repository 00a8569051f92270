package com.retail.recon.desk.dashboard;

import com.retail.recon.desk.runs.RunBundles;
import com.retail.recon.run.RunHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dashboard, for every role: the latest run (state, counts, step timings; its bundle verified in a second
 * request, so the page does not wait for the checksums) and the outcomes of the latest business dates.
 */
@Controller
class DashboardController {

    static final int DAYS = 14;

    private final RunHistory history;
    private final RunBundles bundles;
    private final Outcomes outcomes;
    private final ObjectProvider<CaseFigures> caseFigures;

    DashboardController(RunHistory history, RunBundles bundles, Outcomes outcomes,
                        ObjectProvider<CaseFigures> caseFigures) {
        this.history = history;
        this.bundles = bundles;
        this.outcomes = outcomes;
        this.caseFigures = caseFigures;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Optional<RunHistory.Run> latest = history.recent(null, 1).stream().findFirst();
        model.addAttribute("latest", latest.orElse(null));
        latest.ifPresent(run -> {
            List<RunHistory.StepTiming> steps = history.steps(run.businessDate(), run.attempt());
            model.addAttribute("steps", steps);
            model.addAttribute("longestStepMillis", steps.stream().map(RunHistory.StepTiming::duration)
                    .filter(d -> d != null).mapToLong(Duration::toMillis).max().orElse(0));
        });
        List<Outcomes.Day> days = outcomes.latest(DAYS);
        model.addAttribute("days", days);
        TreeSet<String> outcomeNames = new TreeSet<>(Outcomes::compare);
        days.forEach(day -> outcomeNames.addAll(day.outcomes().keySet()));
        model.addAttribute("outcomeNames", outcomeNames);
        model.addAttribute("mostRequests", days.stream().mapToLong(Outcomes.Day::total).max().orElse(0));
        // the cases work's extension point: no bean, no case figures
        CaseFigures figures = caseFigures.getIfAvailable();
        model.addAttribute("caseFigures", figures == null ? null : figures.figures());
        return "dashboard/index";
    }

    /** The latest run's bundle, verified (or the verification of the last ten minutes): a fragment for htmx. */
    @GetMapping("/dashboard/verification")
    String verification(Model model) throws IOException {
        Optional<RunHistory.Run> latest = history.recent(null, 1).stream().findFirst();
        Optional<Path> bundle = latest.flatMap(bundles::bundle);
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("verification", bundle.isPresent() ? bundles.lastVerification(bundle.get()) : null);
        return "dashboard/index :: verification";
    }
}
