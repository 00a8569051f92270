package com.retail.recon.desk.cases;

import com.retail.recon.cases.Case;
import com.retail.recon.cases.CaseKind;
import com.retail.recon.cases.CaseQuery;
import com.retail.recon.cases.CaseState;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the queue's template reads: one page of cases, the filters as asked, and links that keep every filter
 * while changing one thing (the sort, the page, a quick filter), so that a view can be shared by its URL.
 */
public final class QueueView {

    /** A row: the case, whether it is overdue, whether the reader may act on it. */
    public record Row(Case c, boolean overdue, boolean workable) {
    }

    private final CaseQuery query;
    private final MultiValueMap<String, String> parameters;
    private final long total;
    private final List<Row> rows;
    private final LocalDate latestCompleted;
    private final String reader;
    private final Set<CaseKind> works;
    private final Set<CaseKind> sees;

    QueueView(CaseQuery query, MultiValueMap<String, String> parameters, long total, List<Case> cases,
              LocalDate latestCompleted, String reader, Set<CaseKind> works, Set<CaseKind> sees) {
        this.query = query;
        this.parameters = parameters;
        this.total = total;
        this.rows = cases.stream().map(c -> new Row(c, c.overdue(latestCompleted), works.contains(c.kind()))).toList();
        this.latestCompleted = latestCompleted;
        this.reader = reader;
        this.works = works;
        this.sees = sees;
    }

    public List<Row> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public int getPage() {
        return query.page();
    }

    public long getPages() {
        return Math.max(1, (total + query.size() - 1) / query.size());
    }

    public long getFirst() {
        return total == 0 ? 0 : query.offset() + 1;
    }

    public long getLast() {
        return Math.min(total, query.offset() + query.size());
    }

    public LocalDate getLatestCompleted() {
        return latestCompleted;
    }

    /** Whether the reader works any kind of case (an AUDITOR does not: no boxes, no actions). */
    public boolean isCanAct() {
        return !works.isEmpty();
    }

    public boolean isSeesBothKinds() {
        return sees.size() == CaseKind.values().length;
    }

    public List<CaseKind> getKinds() {
        return sees.stream().sorted().toList();
    }

    public String works() {
        return works.size() == CaseKind.values().length ? "every case"
                : works.isEmpty() ? "no cases" : works.iterator().next().name().toLowerCase() + " cases";
    }

    public boolean shows(CaseState state) {
        return query.filter().states().contains(state);
    }

    public String getKind() {
        return query.filter().kind() == null ? "" : query.filter().kind().name();
    }

    public String getPriority() {
        return query.filter().priority() == null ? "" : query.filter().priority().name();
    }

    public boolean isMine() {
        return "true".equalsIgnoreCase(parameters.getFirst("mine"));
    }

    /** The assignee box: empty when "mine" chose the assignee. */
    public String getAssignee() {
        return isMine() || query.filter().assignee() == null ? "" : query.filter().assignee();
    }

    public boolean isOverdue() {
        return query.filter().overdue();
    }

    public String getText() {
        return query.text() == null ? "" : query.text();
    }

    public String getSort() {
        return query.sort().word();
    }

    public boolean isDescending() {
        return query.descending();
    }

    public boolean isFiltered() {
        return query.filter().narrows() || query.text() != null;
    }

    /** The current view's query string, sent back by the action form so that the page comes back as it was. */
    public String getBack() {
        String uri = link(new LinkedMultiValueMap<>(parameters));
        int question = uri.indexOf('?');
        return question < 0 ? "" : uri.substring(question + 1);
    }

    /** Sorted by a column: ascending first; the column already sorted by turns around. */
    public String sortLink(String sort) {
        MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
        boolean turn = getSort().equals(sort) && !query.descending();
        next.set("sort", sort);
        if (turn) {
            next.set("dir", "desc");
        } else {
            next.remove("dir");
        }
        next.remove("page");
        return link(next);
    }

    /** The arrow beside a column's name: ▲ ascending, ▼ descending, nothing when not sorted by it. */
    public String arrow(String sort) {
        return !getSort().equals(sort) ? "" : query.descending() ? "\u25BC" : "\u25B2";
    }

    public String ariaSort(String sort) {
        return !getSort().equals(sort) ? "none" : query.descending() ? "descending" : "ascending";
    }

    public String pageLink(long page) {
        MultiValueMap<String, String> next = new LinkedMultiValueMap<>(parameters);
        next.set("page", Long.toString(page));
        return link(next);
    }

    /** The quick filters: everything open, mine, overdue, overdue HIGH. */
    public String quick(String which) {
        MultiValueMap<String, String> next = new LinkedMultiValueMap<>();
        switch (which) {
            case "mine":
                next.set("mine", "true");
                break;
            case "overdue":
                next.set("overdue", "true");
                break;
            case "overdue-high":
                next.set("overdue", "true");
                next.set("priority", "HIGH");
                break;
            default:
                break;
        }
        return link(next);
    }

    /** Which quick filter the page is (none when it is another mix). */
    public String getQuick() {
        boolean plain = query.filter().states().equals(com.retail.recon.cases.CaseFilter.NOT_CLOSED)
                && query.filter().kind() == null && query.text() == null;
        if (!plain) {
            return "";
        }
        boolean overdue = query.filter().overdue();
        boolean high = query.filter().priority() == com.retail.recon.cases.Priority.HIGH;
        boolean anyone = query.filter().assignee() == null;
        if (!overdue && query.filter().priority() == null && anyone) {
            return "all";
        }
        if (isMine() && !overdue && query.filter().priority() == null) {
            return "mine";
        }
        if (overdue && anyone && query.filter().priority() == null) {
            return "overdue";
        }
        return overdue && anyone && high ? "overdue-high" : "";
    }

    public String getReader() {
        return reader;
    }

    private static String link(MultiValueMap<String, String> parameters) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        parameters.forEach((name, values) -> values.stream().filter(v -> v != null && !v.isBlank())
                .forEach(v -> kept.add(name, v)));
        return UriComponentsBuilder.fromPath("/cases").queryParams(kept).encode().build().toUriString();
    }
}
