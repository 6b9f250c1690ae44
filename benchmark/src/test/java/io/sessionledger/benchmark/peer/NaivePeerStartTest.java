package io.sessionledger.benchmark.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer whose script fails, or that never answers, is reported as not started: the run goes on without it. */
class NaivePeerStartTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aScriptThatFailsMeansNoPeer(@TempDir Path dir) throws Exception {
        Path script = script(dir, "echo 'mvn: could not resolve dependencies' >&2; exit 1");

        assertThatThrownBy(() -> NaivePeer.start(script, client))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start exited 1");
    }

    @Test
    void aPeerThatPrintsItsPidsButDoesNotAnswerIsStoppedAndReported(@TempDir Path dir) throws Exception {
        // The real script prints the pids after its wait even when the app never came up.
        Path stopped = dir.resolve("stopped");
        Path script = script(dir, "case \"$1\" in start) echo \"$$ $$\" ;; stop) echo \"$2 $3\" > " + stopped + " ;; esac");

        assertThatThrownBy(() -> NaivePeer.start(script, client))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not answer creates");
        assertThat(stopped).exists();
    }

    private static Path script(Path dir, String body) throws Exception {
        Path script = dir.resolve("naive-peer.sh");
        Files.writeString(script, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
