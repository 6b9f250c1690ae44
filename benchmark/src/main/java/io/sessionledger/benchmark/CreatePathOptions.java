package io.sessionledger.benchmark;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the create-path section (issue 11: costs per create, the naive peer, the first minute). */
public final class CreatePathOptions {

    @Option(names = "--peer-script", description = "the naive peer's start/stop script (run.sh passes "
            + "../shared/peers/naive-peer.sh); absent or failing, the run goes on without the peer")
    Path peerScript;
    @Option(names = "--skip-peer", description = "do not run the naive peer even when its script is there")
    boolean skipPeer;
    @Option(names = "--first-minute-requests", defaultValue = "2000",
            description = "creates sent one by one without keep-alive right after start, before any warm-up "
                    + "(ledger and peer); 0 skips; at most 500 with --quick")
    int firstMinuteRequests;
    @Option(names = "--first-minute-only", description = "only the first minute of the ledger and of the naive peer: "
            + "no warm-up, no create sweep (compares start-up settings back to back; run.sh starts a fresh system)")
    boolean firstMinuteOnly;
    @Option(names = "--system-start", description = "how the system started (run.sh: seconds to healthy, the "
            + "services' JDK and start-up cache); reported beside the first minute")
    String systemStart;

    Path peerScript() {
        return skipPeer ? null : peerScript;
    }
}
