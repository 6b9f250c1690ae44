package io.sessionledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.NoteVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline verifier's command line. Exit status: 0 valid, 1 not valid (the first failure is named), 2 usage
 * error (unknown command, missing or unreadable file, a public key or checkpoint file that cannot be read as one).
 * Never talks to the server.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar ledger-verifier.jar export --public-key KEY_FILE [--checkpoint CHECKPOINT_FILE] EXPORT_FILE
                   java -jar ledger-verifier.jar consistency --public-key KEY_FILE OLD_CHECKPOINT NEW_CHECKPOINT PROOF_FILE
              KEY_FILE: GET /ledger/v1/log/public-key; CHECKPOINT: GET /ledger/v1/log/checkpoint (the signed note);
              EXPORT_FILE: GET /ledger/v1/sessions/{id}/export or /ledger/v1/export ('-' reads standard input);
              PROOF_FILE: GET /ledger/v1/log/proofs/consistency?from=OLD_SIZE&to=NEW_SIZE
            exit status: 0 valid, 1 not valid, 2 usage error""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Verdict verdict = verdict(args);
            out.println(verdict);
            return verdict.valid() ? 0 : 1;
        } catch (Usage usage) {
            err.println("ledger-verifier: " + usage.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static Verdict verdict(String[] args) {
        if (args.length == 0) {
            throw new Usage("name a command: export or consistency");
        }
        String keyFile = null;
        String checkpointFile = null;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--public-key" -> keyFile = value(args, ++i, "--public-key");
                case "--checkpoint" -> checkpointFile = value(args, ++i, "--checkpoint");
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new Usage("unknown option " + args[i]);
                    }
                    files.add(args[i]);
                }
            }
        }
        if (keyFile == null) {
            throw new Usage("--public-key is required");
        }
        NoteVerifier key = key(read(keyFile));
        return switch (args[0]) {
            case "export" -> export(key, checkpointFile, files);
            case "consistency" -> consistency(key, checkpointFile, files);
            default -> throw new Usage("unknown command " + args[0]);
        };
    }

    private static Verdict export(NoteVerifier key, String checkpointFile, List<String> files) {
        if (files.size() != 1) {
            throw new Usage("export takes one export file");
        }
        CheckpointNote expected = null;
        if (checkpointFile != null) {
            String note = read(checkpointFile);
            try {
                expected = CheckpointNote.verified(note, key).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new Usage("the checkpoint file " + checkpointFile + " is not a checkpoint: " + e.getMessage());
            }
            if (expected == null) {
                return Verdict.invalid(new Failure(0, null, "checkpoint", "the checkpoint file " + checkpointFile
                        + " is not signed by the public key " + key.name() + " (its signature does not verify)"));
            }
        }
        String file = files.get(0);
        try (BufferedReader reader = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return ExportVerifier.verify(reader, key, expected);
        } catch (IOException e) {
            throw new Usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Verdict consistency(NoteVerifier key, String checkpointFile, List<String> files) {
        if (checkpointFile != null || files.size() != 3) {
            throw new Usage("consistency takes the older checkpoint, the newer checkpoint and the proof file");
        }
        JsonNode proof;
        try {
            proof = JSON.readTree(read(files.get(2)));
        } catch (IOException e) {
            throw new Usage("the proof file " + files.get(2) + " is not JSON");
        }
        return ConsistencyVerifier.verify(key, read(files.get(0)), read(files.get(1)), proof);
    }

    private static NoteVerifier key(String text) {
        try {
            return NoteVerifier.of(text);
        } catch (IllegalArgumentException e) {
            throw new Usage("the public key file does not hold a verifier key: " + e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new Usage(option + " needs a file");
        }
        return args[i];
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Usage("cannot read " + file + ": " + e);
        }
    }

    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }
}
