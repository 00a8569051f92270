package com.retail.recon.cases;

import com.retail.recon.nightly.Recon;
import com.retail.recon.nightly.TestStore;
import com.retail.recon.system.Database;
import com.retail.recon.system.ReconProperties;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's reads of the cases on each store (CaseStore.page, count, standingCounts, standingAtEndOf): the
 * sample inbox after its four dates has 9 cases not CLOSED (4, 6, 7, 8, 13, 15 exceptions; 11, 18, 21
 * escalations), case 11 the one overdue HIGH.
 */
class CaseQueueStoreTests {

    private static final LocalDate LATEST = LocalDate.parse("2026-11-23");
    private static final Set<CaseKind> BOTH = EnumSet.allOf(CaseKind.class);

    @TempDir
    Path folder;

    static Stream<Named<Function<Path, TestStore>>> stores() {
        return Stream.of(Named.of("H2", TestStore::h2), Named.of("PostgreSQL", ignored -> TestStore.postgres()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aPageOfTheQueue_filteredSearchedSortedAndCounted(Function<Path, TestStore> kind) {
        CaseStore store = sampleStore(kind.apply(folder));

        CaseQuery all = query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.CASE_ID, false, 1, 50);
        assertThat(ids(store, all)).containsExactly(4L, 6L, 7L, 8L, 11L, 13L, 15L, 18L, 21L);
        assertThat(store.count(all)).isEqualTo(9);

        CaseFilter overdueHigh = new CaseFilter(CaseFilter.NOT_CLOSED, null, Priority.HIGH, null, true, LATEST);
        assertThat(ids(store, query(overdueHigh, BOTH, null, CaseQuery.Sort.CASE_ID, false, 1, 50))).containsExactly(11L);

        CaseQuery agent = query(CaseFilter.notClosed(), EnumSet.of(CaseKind.ESCALATION), null, CaseQuery.Sort.CASE_ID,
                false, 1, 50);
        assertThat(ids(store, agent)).containsExactly(11L, 18L, 21L);
        assertThat(store.count(agent)).isEqualTo(3);
        CaseFilter exceptions = new CaseFilter(CaseFilter.NOT_CLOSED, CaseKind.EXCEPTION, null, null, false, LATEST);
        assertThat(store.count(query(exceptions, EnumSet.of(CaseKind.ESCALATION), null, CaseQuery.Sort.CASE_ID, false,
                1, 50))).as("a kind the reader does not see").isZero();
        assertThat(store.count(query(CaseFilter.notClosed(), EnumSet.noneOf(CaseKind.class), null,
                CaseQuery.Sort.CASE_ID, false, 1, 50))).isZero();

        // the search: a whole request, order or txn id, as typed or in capitals
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, "CR-1009", CaseQuery.Sort.CASE_ID, false, 1, 50)))
                .containsExactly(11L);
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, " TX-5005 ", CaseQuery.Sort.CASE_ID, false, 1, 50)))
                .containsExactly(4L);
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, "112-4471196-8025533", CaseQuery.Sort.CASE_ID, false, 1, 50)))
                .containsExactly(11L);
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, "cr-1009", CaseQuery.Sort.CASE_ID, false, 1, 50)))
                .containsExactly(11L);
        assertThat(store.count(query(CaseFilter.notClosed(), BOTH, "CR-100", CaseQuery.Sort.CASE_ID, false, 1, 50))).isZero();
        assertThat(store.count(query(CaseFilter.notClosed(), BOTH, "%", CaseQuery.Sort.CASE_ID, false, 1, 50))).isZero();
        assertThat(store.count(query(CaseFilter.notClosed(), BOTH, "CR_1009", CaseQuery.Sort.CASE_ID, false, 1, 50))).isZero();

        // pages of 4: the count stays the whole selection's
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.CASE_ID, false, 2, 4)))
                .containsExactly(11L, 13L, 15L, 18L);
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.CASE_ID, false, 3, 4)))
                .containsExactly(21L);
        assertThat(ids(store, query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.CASE_ID, true, 1, 3)))
                .containsExactly(21L, 18L, 15L);

        // orders: ties by case_id in the same direction, so a page never shuffles
        List<Case> byPriority = store.page(query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.PRIORITY, false, 1, 50));
        assertThat(byPriority).extracting(Case::caseId).startsWith(11L, 18L, 4L, 6L);
        List<Case> byDue = store.page(query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.DUE, true, 1, 50));
        assertThat(byDue).extracting(Case::dueOn).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(byDue).extracting(Case::caseId).startsWith(21L);
        List<Case> byAmount = store.page(query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.AMOUNT, false, 1, 50));
        assertThat(byAmount.get(byAmount.size() - 1).caseId()).as("no amount goes last").isEqualTo(6L);
        assertThat(byAmount).extracting(Case::caseId).startsWith(7L, 15L);
        List<Case> byOpened = store.page(query(CaseFilter.notClosed(), BOTH, null, CaseQuery.Sort.OPENED, true, 1, 50));
        assertThat(byOpened).extracting(Case::caseId).startsWith(21L, 18L, 15L, 13L, 11L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theDashboardsCounts_standingNowAndAtTheEndOfEachDate(Function<Path, TestStore> kind) {
        TestStore test = kind.apply(folder);
        CaseStore store = sampleStore(test);

        List<CaseStore.Standing> standing = store.standingCounts(BOTH);
        assertThat(standing.stream().mapToLong(CaseStore.Standing::cases).sum()).isEqualTo(9);
        assertThat(standing.stream().filter(s -> s.priority() == Priority.HIGH).mapToLong(CaseStore.Standing::cases)
                .sum()).isEqualTo(2);
        assertThat(store.standingCounts(EnumSet.of(CaseKind.ESCALATION)).stream().mapToLong(CaseStore.Standing::cases)
                .sum()).isEqualTo(3);

        assertThat(store.standingAtEndOf(LATEST, BOTH)).isEqualTo(Map.of(CaseState.OPEN, 9L));
        assertThat(store.standingAtEndOf(LATEST, EnumSet.of(CaseKind.ESCALATION))).isEqualTo(Map.of(CaseState.OPEN, 3L));
        Long openedOnTheFirstDate = test.jdbc().queryForObject(
                "SELECT COUNT(*) FROM recon_case WHERE opened_on = DATE '2026-11-20'", Long.class);
        assertThat(store.standingAtEndOf(LocalDate.parse("2026-11-20"), BOTH))
                .isEqualTo(Map.of(CaseState.OPEN, openedOnTheFirstDate));
        assertThat(store.standingAtEndOf(LocalDate.parse("2026-11-19"), BOTH)).isEmpty();
    }

    private CaseStore sampleStore(TestStore test) {
        for (String date : List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23")) {
            Recon.Outcome outcome = Recon.run(test, "run", "--date=" + date, "--inbox=sample-data/inbox",
                    "--archive=" + folder.resolve("archive"), "-q");
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(test.url(), test.user(), "");
        ReconProperties properties = new ReconProperties(null, null, 1, 0, null,
                Map.of("USD", 2, "EUR", 2, "GBP", 2, "CAD", 2, "JPY", 0), null, null);
        return new CaseStore(new JdbcTemplate(dataSource), new Database(dataSource), properties);
    }

    private static CaseQuery query(CaseFilter filter, Set<CaseKind> kinds, String text, CaseQuery.Sort sort,
                                   boolean descending, int page, int size) {
        return new CaseQuery(filter, kinds, text, sort, descending, page, size);
    }

    private static List<Long> ids(CaseStore store, CaseQuery query) {
        return store.page(query).stream().map(Case::caseId).toList();
    }
}
