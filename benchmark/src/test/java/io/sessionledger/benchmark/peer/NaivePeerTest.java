package io.sessionledger.benchmark.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionledger.benchmark.peer.NaivePeer.PeerPids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NaivePeerTest {

    @Test
    void theScriptsLastLineNamesTheAppAndTheBroker() {
        assertThat(PeerPids.parse("1234 5678\n")).contains(new PeerPids(1234, 5678));
        assertThat(PeerPids.parse("building...\n  42 43  \n\n")).contains(new PeerPids(42, 43));
    }

    @Test
    void outputWithoutTwoPidsMeansThePeerDidNotStart() {
        assertThat(PeerPids.parse("")).isEmpty();
        assertThat(PeerPids.parse(" 1234\n")).isEmpty();
        assertThat(PeerPids.parse("error: mvn failed\n")).isEmpty();
        assertThat(PeerPids.parse("1 2 3\n")).isEmpty();
    }

    @Test
    void aMissingScriptOrPeerSourceIsReportedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("naive-peer.sh");
        assertThat(NaivePeer.absence(null)).isPresent();
        assertThat(NaivePeer.absence(script)).hasValueSatisfying(why -> assertThat(why).contains("absent"));

        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(NaivePeer.absence(script)).hasValueSatisfying(why -> assertThat(why).contains("naive-axon"));

        Files.createDirectory(dir.resolve("naive-axon"));
        assertThat(NaivePeer.absence(script)).isEmpty();
    }
}
