package io.sessionledger.query.lists;

import static io.sessionledger.query.lists.ListFixture.ids;
import static io.sessionledger.query.lists.TestSession.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Kore's reads: one session of an app+environment, and the newest-first list with its filters and numbers. */
interface KoreQueriesContract extends ListFixture {

    String APP = "aa-app";
    String ENV = "prod";

    private static TestSession kore(String tenant, String sessionId, int secondsAfterT0) {
        return TestSession.kore(tenant, APP, ENV, sessionId).createdAt(T0.plusSeconds(secondsAfterT0));
    }

    @Test
    default void listIsNewestFirstAndSessionIdBreaksTiesDescending() {
        String tenant = newTenant();
        store(kore(tenant, "s-b", 10), kore(tenant, "s-old", 0), kore(tenant, "s-a", 10), kore(tenant, "s-c", 10),
                kore(tenant, "s-new", 20));

        KorePage page = kore().list(tenant, APP, ENV, KoreFilter.none(), 0, 10);

        assertThat(ids(page.sessions())).containsExactly("s-new", "s-c", "s-b", "s-a", "s-old");
        assertThat(page.totalCount()).isEqualTo(5);
    }

    @Test
    default void eachFilterAndTheirCombinationNarrowTheListAndItsCount() {
        String tenant = newTenant();
        store(kore(tenant, "s-1", 1).user("alice"), kore(tenant, "s-2", 2).user("alice"),
                kore(tenant, "s-3", 3).user("bob"), kore(tenant, "s-4", 4).user("alice"),
                kore(tenant, "s-5", 5).user("alice"));
        KoreSessionQueries kore = kore();

        assertThat(ids(kore.list(tenant, APP, ENV, new KoreFilter("s-3", null, null, null), 0, 10).sessions()))
                .containsExactly("s-3");
        assertThat(ids(kore.list(tenant, APP, ENV, new KoreFilter(null, "alice", null, null), 0, 10).sessions()))
                .containsExactly("s-5", "s-4", "s-2", "s-1");
        KorePage inclusiveRange = kore.list(tenant, APP, ENV,
                new KoreFilter(null, null, T0.plusSeconds(2), T0.plusSeconds(4)), 0, 10);
        assertThat(ids(inclusiveRange.sessions())).containsExactly("s-4", "s-3", "s-2");
        assertThat(inclusiveRange.totalCount()).isEqualTo(3);
        assertThat(ids(kore.list(tenant, APP, ENV, new KoreFilter(null, null, T0.plusSeconds(4), null), 0, 10)
                .sessions())).containsExactly("s-5", "s-4");
        assertThat(ids(kore.list(tenant, APP, ENV, new KoreFilter(null, null, null, T0.plusSeconds(1)), 0, 10)
                .sessions())).containsExactly("s-1");

        KorePage combined = kore.list(tenant, APP, ENV,
                new KoreFilter(null, "alice", T0.plusSeconds(2), T0.plusSeconds(4)), 0, 10);
        assertThat(ids(combined.sessions())).containsExactly("s-4", "s-2");
        assertThat(combined.totalCount()).isEqualTo(2);
        assertThat(kore.list(tenant, APP, ENV, new KoreFilter("s-3", "alice", null, null), 0, 10).totalCount())
                .isZero();
        assertThat(kore.list(tenant, APP, ENV, new KoreFilter("s-9", null, null, null), 0, 10).sessions()).isEmpty();
    }

    @Test
    default void pagesCarryTotalCountEndIndexAndHasMoreAndTogetherListEverySessionOnce() {
        String tenant = newTenant();
        store(IntStream.range(0, 25).mapToObj(i -> kore(tenant, "s-%02d".formatted(i), i / 3)).toList());
        KoreSessionQueries kore = kore();

        KorePage first = kore.list(tenant, APP, ENV, KoreFilter.none(), 0, 10);
        KorePage second = kore.list(tenant, APP, ENV, KoreFilter.none(), Math.toIntExact(first.endIndex()), 10);
        KorePage last = kore.list(tenant, APP, ENV, KoreFilter.none(), Math.toIntExact(second.endIndex()), 10);
        KorePage beyond = kore.list(tenant, APP, ENV, KoreFilter.none(), 30, 10);

        assertThat(List.of(first.totalCount(), first.endIndex())).containsExactly(25L, 10L);
        assertThat(first.hasMore()).isTrue();
        assertThat(List.of(second.endIndex(), last.endIndex())).containsExactly(20L, 25L);
        assertThat(second.hasMore()).isTrue();
        assertThat(last.hasMore()).isFalse();
        assertThat(last.sessions()).hasSize(5);
        assertThat(beyond.sessions()).isEmpty();
        assertThat(List.of(beyond.totalCount(), beyond.endIndex())).containsExactly(25L, 30L);
        assertThat(beyond.hasMore()).isFalse();
        List<String> paged = new ArrayList<>(ids(first.sessions()));
        paged.addAll(ids(second.sessions()));
        paged.addAll(ids(last.sessions()));
        assertThat(paged).isEqualTo(ids(kore.list(tenant, APP, ENV, KoreFilter.none(), 0, 100).sessions()))
                .doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    default void outOfRangeLimitAndOffsetAreClampedRatherThanPassedToTheDatabase() {
        String tenant = newTenant();
        store(IntStream.range(0, 105).mapToObj(i -> kore(tenant, "s-%03d".formatted(i), i)).toList());
        KoreSessionQueries kore = kore();

        assertThat(kore.list(tenant, APP, ENV, KoreFilter.none(), 0, 1_000).sessions()).hasSize(100);
        assertThat(ids(kore.list(tenant, APP, ENV, null, 0, 0).sessions())).containsExactly("s-104");
        KorePage negativeOffset = kore.list(tenant, APP, ENV, KoreFilter.none(), -5, 2);
        assertThat(ids(negativeOffset.sessions())).containsExactly("s-104", "s-103");
        assertThat(negativeOffset.endIndex()).isEqualTo(2);
    }

    @Test
    default void otherTenantsAppsAndEnvironmentsAreNeverSeen() {
        String tenant = newTenant();
        String other = newTenant();
        store(kore(tenant, "s-mine", 1).reference("r-1"),
                TestSession.kore(other, APP, ENV, "s-mine").reference("r-1"),
                TestSession.kore(other, APP, ENV, "s-theirs").reference("r-2"),
                TestSession.kore(tenant, "aa-other-app", ENV, "s-app").reference("r-2"),
                TestSession.kore(tenant, APP, "dev", "s-env").reference("r-3"),
                TestSession.vectara(tenant, "agent", "k-1"));
        KoreSessionQueries kore = kore();

        KorePage page = kore.list(tenant, APP, ENV, KoreFilter.none(), 0, 10);
        assertThat(ids(page.sessions())).containsExactly("s-mine");
        assertThat(page.sessions().get(0).tenantId()).isEqualTo(tenant);
        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(kore.bySessionId(tenant, APP, ENV, "s-app")).isEmpty();
        assertThat(kore.bySessionId(tenant, APP, ENV, "s-env")).isEmpty();
        assertThat(kore.bySessionId(tenant, APP, ENV, "s-theirs")).isEmpty();
        assertThat(kore.byReference(tenant, APP, ENV, "r-2")).isEmpty();
        assertThat(kore.byReference(tenant, APP, ENV, "r-1")).map(r -> r.tenantId()).contains(tenant);
        assertThat(kore.byReference(tenant, APP, "dev", "r-3")).map(r -> r.sessionId()).contains("s-env");
        assertThat(kore.list(tenant, APP, ENV, new KoreFilter("s-theirs", null, null, null), 0, 10).totalCount())
                .isZero();
    }

    @Test
    default void lookupsFindTheSessionByIdAndByReference() {
        String tenant = newTenant();
        store(kore(tenant, "s-1", 1).reference("Se_skwos333").user("usr_1a2b3c4d5e"));
        KoreSessionQueries kore = kore();

        assertThat(kore.bySessionId(tenant, APP, ENV, "s-1")).get()
                .satisfies(row -> assertThat(row.userReference()).isEqualTo("usr_1a2b3c4d5e"))
                .satisfies(row -> assertThat(row.createdAt()).isEqualTo(T0.plusSeconds(1)));
        assertThat(kore.byReference(tenant, APP, ENV, "Se_skwos333")).map(r -> r.sessionId()).contains("s-1");
        assertThat(kore.byReference(tenant, APP, ENV, "se_skwos333")).isEmpty();
        assertThat(kore.bySessionId(tenant, APP, ENV, "s-2")).isEmpty();
    }

    @Test
    default void deletedSessionsAreInNoLookupListOrCount() {
        String tenant = newTenant();
        store(kore(tenant, "s-kept", 1).user("alice"), kore(tenant, "s-gone", 2).user("alice").reference("r-gone")
                .deleted());
        KoreSessionQueries kore = kore();

        assertThat(kore.bySessionId(tenant, APP, ENV, "s-gone")).isEmpty();
        assertThat(kore.byReference(tenant, APP, ENV, "r-gone")).isEmpty();
        KorePage page = kore.list(tenant, APP, ENV, new KoreFilter(null, "alice", null, null), 0, 10);
        assertThat(ids(page.sessions())).containsExactly("s-kept");
        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(kore.list(tenant, APP, ENV, new KoreFilter("s-gone", null, null, null), 0, 10).totalCount())
                .isZero();
    }

    /** PostgreSQL refuses NUL in a string parameter: such a value can match nothing, and must not be a 500. */
    @Test
    default void valuesNoSessionCanHoldFindNothingInsteadOfFailing() {
        String tenant = newTenant();
        store(kore(tenant, "s-1", 1));
        KoreSessionQueries kore = kore();

        assertThat(kore.bySessionId(tenant, APP, ENV, "s-1\0")).isEmpty();
        assertThat(kore.byReference(tenant, APP, ENV, "ref\0")).isEmpty();
        assertThat(kore.list(tenant, APP, ENV, new KoreFilter(null, "u\0", null, null), 0, 10).totalCount()).isZero();
    }
}
