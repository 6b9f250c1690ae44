package io.sessionledger.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sessionledger.query.api.kore.KoreSessionReads;
import io.sessionledger.query.api.vectara.VectaraSessionReads;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.lists.KoreSessionQueries;
import io.sessionledger.query.lists.VectaraSessionQueries;
import io.sessionledger.query.registry.RegistryLookup;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's case: a restarted query side is catching up, the barrier runs out, and the session (created
 * and acknowledged) is not projected yet. The 404 must keep the barrier's answer, so that it is marked stale.
 */
class BarrierTimeoutNotFoundTest {

    private final ReadBarrier barrier = mock(ReadBarrier.class);
    private final KoreSessionQueries kore = mock(KoreSessionQueries.class);
    private final VectaraSessionQueries vectara = mock(VectaraSessionQueries.class);

    BarrierTimeoutNotFoundTest() {
        when(kore.bySessionId(anyString(), anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        when(kore.byReference(anyString(), anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        when(vectara.byKey(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
    }

    @Test
    void aKoreSessionNotFoundWhenTheBarrierRanOutIsStale() {
        when(barrier.awaitSession(any())).thenReturn(false);
        when(barrier.awaitAll()).thenReturn(false);
        KoreSessionReads reads = new KoreSessionReads(barrier, kore);

        assertThat(catchThrowable(() -> reads.byId("acme", "app-a", "dev", "s-1", false)))
                .isInstanceOf(StaleError.class);
        assertThat(catchThrowable(() -> reads.byReference("acme", "app-a", "dev", "ref-1", false)))
                .isInstanceOf(StaleError.class);
    }

    @Test
    void aVectaraSessionNotFoundWhenTheBarrierRanOutIsStale() {
        when(barrier.awaitAll()).thenReturn(false);
        VectaraSessionReads reads = new VectaraSessionReads(mock(RegistryLookup.class), barrier, vectara);

        assertThat(catchThrowable(() -> reads.get("acme", "support", "k-1", false))).isInstanceOf(StaleError.class);
    }

    @Test
    void aSessionNotFoundAfterAConfirmedBarrierIsNotStale() {
        when(barrier.awaitSession(any())).thenReturn(true);
        when(barrier.awaitAll()).thenReturn(true);
        KoreSessionReads kores = new KoreSessionReads(barrier, kore);
        VectaraSessionReads vectaras = new VectaraSessionReads(mock(RegistryLookup.class), barrier, vectara);

        assertThat(catchThrowable(() -> kores.byId("acme", "app-a", "dev", "s-1", false)))
                .isNotNull().isNotInstanceOf(StaleError.class);
        assertThat(catchThrowable(() -> vectaras.get("acme", "support", "k-1", false)))
                .isNotNull().isNotInstanceOf(StaleError.class);
    }
}
