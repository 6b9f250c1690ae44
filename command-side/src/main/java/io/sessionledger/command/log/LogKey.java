package io.sessionledger.command.log;

import io.sessionledger.proofs.NoteKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the checkpoint signing key comes from: {@code ledger.log.signing-key} (base64 of a 32-byte Ed25519 seed
 * or a PKCS#8 key) when set; otherwise a seed kept in {@code ledger.log.key-file} (under LEDGER_DATA_DIR),
 * generated on first start and reused after, so that checkpoints stay verifiable across restarts.
 */
public final class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private LogKey() {
    }

    public static NoteKey load(String name, String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return NoteKey.of(name, configured);
        }
        try {
            if (Files.exists(file)) {
                return NoteKey.of(name, Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] seed = NoteKey.newSeed();
            Files.writeString(file, Base64.getEncoder().encodeToString(seed) + "\n", StandardCharsets.US_ASCII);
            restrict(file);
            log.info("generated a new log signing key in {}", file.toAbsolutePath());
            return NoteKey.ofSeed(name, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log signing key " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot restrict {} to its owner: {}", file, e.toString());
        }
    }
}
