package io.sessionledger.query.lists;

import static io.sessionledger.query.lists.ListFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Vectara's reads: one session by key, and key-ordered cursor pages, filtered by a regular expression or not. */
interface VectaraQueriesContract extends ListFixture {

    String AGENT = "support-agent";

    private static List<TestSession> numbered(String tenant, int count) {
        return IntStream.range(0, count).mapToObj(i -> TestSession.vectara(tenant, AGENT, "k-%03d".formatted(i)))
                .toList();
    }

    /** Follows page keys to the end, as a client would. */
    private static List<VectaraPage> allPages(VectaraSessionQueries queries, String tenant, SessionNameFilter filter,
                                              int limit) {
        List<VectaraPage> pages = new ArrayList<>();
        String pageKey = null;
        do {
            VectaraPage page = queries.list(tenant, AGENT, filter, pageKey, limit);
            pages.add(page);
            pageKey = page.nextPageKey();
        } while (pageKey != null && pages.size() < 1_000);
        return pages;
    }

    private static List<String> keysOf(List<VectaraPage> pages) {
        return pages.stream().flatMap(page -> keys(page.sessions()).stream()).toList();
    }

    @Test
    default void byKeyFindsTheAgentsSessionAndNothingElse() {
        String tenant = newTenant();
        store(TestSession.vectara(tenant, AGENT, "k-1").named("Billing"),
                TestSession.vectara(tenant, "other-agent", "k-2"),
                TestSession.vectara(newTenant(), AGENT, "k-3"),
                TestSession.vectara(tenant, AGENT, "k-4").deleted());
        VectaraSessionQueries vectara = vectara();

        assertThat(vectara.byKey(tenant, AGENT, "k-1")).map(r -> r.name()).contains("Billing");
        assertThat(vectara.byKey(tenant, AGENT, "k-2")).isEmpty();
        assertThat(vectara.byKey(tenant, AGENT, "k-3")).isEmpty();
        assertThat(vectara.byKey(tenant, AGENT, "k-4")).isEmpty();
        assertThat(vectara.byKey(tenant, AGENT, "k-1\0")).isEmpty();
    }

    @Test
    default void pagesFollowKeyOrderWithoutDuplicatesOrGapsAndTheLastHasNoPageKey() {
        String tenant = newTenant();
        List<TestSession> sessions = new ArrayList<>(numbered(tenant, 23));
        Collections.shuffle(sessions, new Random(7));
        store(sessions);

        List<VectaraPage> pages = allPages(vectara(), tenant, null, 5);

        assertThat(pages).hasSize(5);
        assertThat(pages.get(0).sessions()).hasSize(5);
        assertThat(pages.get(4).nextPageKey()).isNull();
        assertThat(keysOf(pages)).isEqualTo(IntStream.range(0, 23).mapToObj("k-%03d"::formatted).toList());
    }

    @Test
    default void aFullLastPageHasNoPageKeyWhenNothingFollows() {
        String tenant = newTenant();
        store(numbered(tenant, 10));

        List<VectaraPage> pages = allPages(vectara(), tenant, null, 5);

        assertThat(pages).hasSize(2);
        assertThat(keysOf(pages)).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    default void otherAgentsTenantsAndDeletedSessionsAreNotListed() {
        String tenant = newTenant();
        store(TestSession.vectara(tenant, AGENT, "a"), TestSession.vectara(tenant, AGENT, "b").deleted(),
                TestSession.vectara(tenant, "other-agent", "c"), TestSession.vectara(newTenant(), AGENT, "d"),
                TestSession.kore(tenant, "app", "env", "s-kore"));

        VectaraPage page = vectara().list(tenant, AGENT, null, null, 10);

        assertThat(keys(page.sessions())).containsExactly("a");
        assertThat(page.nextPageKey()).isNull();
    }

    @Test
    default void filterMatchesANameOrADescriptionAnywhereInIt() {
        String tenant = newTenant();
        store(TestSession.vectara(tenant, AGENT, "k-1").named("Billing question"),
                TestSession.vectara(tenant, AGENT, "k-2").named("Shipping").described("customer asks about billing"),
                TestSession.vectara(tenant, AGENT, "k-3").named("Returns").described(null),
                TestSession.vectara(tenant, AGENT, "k-4").named("Refund").described("billed twice"));
        VectaraSessionQueries vectara = vectara();

        assertThat(keys(vectara.list(tenant, AGENT, SessionNameFilter.parse("(?i)billing"), null, 10).sessions()))
                .containsExactly("k-1", "k-2");
        assertThat(keys(vectara.list(tenant, AGENT, SessionNameFilter.parse("^Re"), null, 10).sessions()))
                .containsExactly("k-3", "k-4");
        assertThat(keys(vectara.list(tenant, AGENT, SessionNameFilter.parse("twice$"), null, 10).sessions()))
                .containsExactly("k-4");
    }

    @Test
    default void filteredPagesAcrossChunksListEveryMatchOnceInKeyOrder() {
        String tenant = newTenant();
        List<TestSession> sessions = numbered(tenant, 60);
        sessions.forEach(s -> s.named("plain"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i += 4) {
            sessions.get(i).named("wanted " + i);
            expected.add("k-%03d".formatted(i));
        }
        store(sessions);

        List<VectaraPage> pages = allPages(vectara(7, 5_000), tenant, SessionNameFilter.parse("wanted"), 4);

        assertThat(keysOf(pages)).isEqualTo(expected);
        assertThat(pages).hasSize(4);
        assertThat(pages.get(3).nextPageKey()).isNull();
    }

    @Test
    default void aFilteredPageFilledByTheLastRowOfAChunkHasAKeyOnlyIfARowFollows() {
        String tenant = newTenant();
        store(numbered(tenant, 14));

        List<VectaraPage> pages = allPages(vectara(7, 5_000), tenant, SessionNameFilter.parse("session"), 7);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextPageKey()).isEqualTo(PageKey.encode("k-006"));
        assertThat(pages.get(1).nextPageKey()).isNull();
        assertThat(keysOf(pages)).hasSize(14).doesNotHaveDuplicates();
    }

    @Test
    default void aSpentScanBudgetEndsAShortPageWhoseKeyContinuesAfterTheLastRowExamined() {
        String tenant = newTenant();
        List<TestSession> sessions = numbered(tenant, 100);
        sessions.forEach(s -> s.named("plain"));
        sessions.get(45).named("needle");
        sessions.get(95).named("needle");
        store(sessions);
        VectaraSessionQueries budgeted = vectara(7, 30);
        SessionNameFilter needle = SessionNameFilter.parse("needle");

        VectaraPage first = budgeted.list(tenant, AGENT, needle, null, 10);
        VectaraPage second = budgeted.list(tenant, AGENT, needle, first.nextPageKey(), 10);
        List<VectaraPage> rest = allPages(budgeted, tenant, needle, 10);

        assertThat(first.sessions()).isEmpty();
        assertThat(first.nextPageKey()).isEqualTo(PageKey.encode("k-029"));
        assertThat(keys(second.sessions())).containsExactly("k-045");
        assertThat(second.nextPageKey()).isEqualTo(PageKey.encode("k-059"));
        assertThat(keysOf(rest)).containsExactly("k-045", "k-095");
        assertThat(rest).hasSize(4);
        assertThat(rest.get(3).nextPageKey()).isNull();
    }

    /** java.util.regex backtracks exponentially here; RE2/J is linear. The timeout only turns a hang into a failure. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    default void aCatastrophicBacktrackingPatternScansLongNamesToTheEnd() {
        String tenant = newTenant();
        List<TestSession> sessions = numbered(tenant, 20);
        sessions.forEach(s -> s.named("a".repeat(5_000) + "!"));
        store(sessions);

        VectaraPage page = vectara().list(tenant, AGENT, SessionNameFilter.parse("(a+)+$"), null, 10);

        assertThat(page.sessions()).isEmpty();
        assertThat(page.nextPageKey()).isNull();
    }

    @Test
    default void invalidOrOverlongFiltersAreRejectedWithAClientMessage() {
        assertThatThrownBy(() -> SessionNameFilter.parse("(unclosed")).isInstanceOf(BadFilter.class)
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> SessionNameFilter.parse("a".repeat(257))).isInstanceOf(BadFilter.class)
                .hasMessageContaining("at most 256 characters");
        assertThat(SessionNameFilter.parse("a".repeat(256))).isNotNull();
    }

    @Test
    default void malformedPageKeysAreRejected() {
        String tenant = newTenant();
        store(numbered(tenant, 3));
        VectaraSessionQueries vectara = vectara();

        for (String bad : List.of("", "!!!", "a+b/", "_w", PageKey.encode("k\u0001"), "A".repeat(401))) {
            assertThatThrownBy(() -> vectara.list(tenant, AGENT, null, bad, 10)).as(bad)
                    .isInstanceOf(BadPageKey.class).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(keys(vectara.list(tenant, AGENT, null, PageKey.encode("k-000"), 10).sessions()))
                .containsExactly("k-001", "k-002");
    }
}
