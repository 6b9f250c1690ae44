package io.sessionledger.command.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret behind every keyed hash of personal data ({@code LEDGER_PERSONAL_DATA_SECRET}, base64 of at least
 * 32 bytes). The local default generates one under the data directory and keeps it: losing it would break the
 * uniqueness of visit ids and make subjects unfindable for erasure, so a deployment must set and keep its own.
 */
public final class PersonalDataSecret {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSecret.class);

    private PersonalDataSecret() {
    }

    public static byte[] load(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.trim());
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing more to restrict
            }
            log.info("generated a new personal-data secret in {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the personal-data secret " + file, e);
        }
    }
}
