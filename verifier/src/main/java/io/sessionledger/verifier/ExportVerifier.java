package io.sessionledger.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.NoteVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks an export (JSON Lines, see {@link io.sessionledger.proofs.ExportLine}) without the server: the checkpoint
 * on its first line is signed by the public key (and is the checkpoint the auditor holds, when given), every event
 * line passes {@link EventLineCheck}, lines follow log order, and the closing line counts them all. Reads line by
 * line: only one hash per session is kept.
 */
public final class ExportVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportVerifier() {
    }

    /**
     * @param key      the log's verifier key
     * @param expected the checkpoint the auditor fetched separately, or null to trust the export's own (signed) one
     */
    public static Verdict verify(BufferedReader export, NoteVerifier key, CheckpointNote expected) throws IOException {
        String first = export.readLine();
        if (first == null) {
            return Verdict.invalid(new Failure(1, null, "truncated", "the export is empty"));
        }
        CheckpointNote checkpoint;
        try {
            checkpoint = checkpoint(JSON.readTree(first), key, expected);
        } catch (Refused refused) {
            return Verdict.invalid(refused.failure);
        } catch (JsonProcessingException e) {
            return Verdict.invalid(new Failure(1, null, "malformed", "the first line is not JSON"));
        }
        EventLineCheck check = new EventLineCheck(checkpoint);
        Map<String, Boolean> sessions = new HashMap<>();
        long lineNumber = 1;
        long events = 0;
        String text;
        while ((text = export.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return Verdict.invalid(new Failure(lineNumber, null, "malformed", "the line is not JSON"));
            }
            if (line.has("end")) {
                return closing(export, line, lineNumber, events, sessions.size(), checkpoint);
            }
            Failure failure = check.accept(lineNumber, line);
            if (failure != null && check.gap() != null) {
                return Verdict.invalid(removedOrLater(export, lineNumber, failure, check.gap()));
            }
            if (failure != null) {
                return Verdict.invalid(failure);
            }
            sessions.put(line.path("aggregateId").asText(), Boolean.TRUE);
            events++;
        }
        return Verdict.invalid(new Failure(lineNumber, null, "truncated",
                "the export ends without its closing line: it was cut short after " + events + " events"));
    }

    /**
     * A session's events missing before a line were removed, or sit further down: then the lines were reordered.
     * Reads on (without keeping lines) to tell which.
     */
    private static Failure removedOrLater(BufferedReader export, long lineNumber, Failure failure,
                                          EventLineCheck.Gap gap) throws IOException {
        long later = lineNumber;
        String text;
        while ((text = export.readLine()) != null) {
            later++;
            try {
                if (gap.holds(JSON.readTree(text))) {
                    return new Failure(lineNumber, failure.eventId(), "reordered", "sequence " + gap.from() + " of "
                            + "session " + gap.aggregateId() + " comes later, on line " + later
                            + ": the lines are out of order");
                }
            } catch (JsonProcessingException e) {
                break;
            }
        }
        return failure;
    }

    private static Verdict closing(BufferedReader export, JsonNode line, long lineNumber, long events, int sessions,
                                   CheckpointNote checkpoint) throws IOException {
        long counted = line.path("end").path("events").asLong(-1);
        if (counted != events) {
            return Verdict.invalid(new Failure(lineNumber, null, "removed", "the closing line counts " + counted
                    + " events, the export holds " + events));
        }
        String more;
        while ((more = export.readLine()) != null) {
            lineNumber++;
            if (!more.isBlank()) {
                return Verdict.invalid(new Failure(lineNumber, null, "inserted", "a line after the closing line"));
            }
        }
        return Verdict.valid(events + " events of " + sessions + " sessions, every one in the log of "
                + checkpoint.origin() + " at tree size " + checkpoint.treeSize() + " (root " + checkpoint.rootBase64()
                + ")");
    }

    private static CheckpointNote checkpoint(JsonNode header, NoteVerifier key, CheckpointNote expected) {
        JsonNode named = header.path("checkpoint");
        String note = named.path("note").asText(null);
        if (note == null) {
            throw refused("the first line names no checkpoint note");
        }
        String body = key.verify(note).orElseThrow(() -> refused("the export's checkpoint is not signed by the "
                + "public key " + key.name() + " (its signature does not verify)"));
        CheckpointNote checkpoint;
        try {
            checkpoint = CheckpointNote.parse(body);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        if (named.path("treeSize").asLong(-1) != checkpoint.treeSize()
                || !checkpoint.rootBase64().equals(named.path("rootHash").asText())) {
            throw refused("the first line's tree size or root hash is not what its signed note says");
        }
        if (expected != null && (expected.treeSize() != checkpoint.treeSize()
                || !Arrays.equals(expected.rootHash(), checkpoint.rootHash())
                || !expected.origin().equals(checkpoint.origin()))) {
            throw refused("the export is proved against tree size " + checkpoint.treeSize() + " (root "
                    + checkpoint.rootBase64() + "), the checkpoint given is of tree size " + expected.treeSize()
                    + " (root " + expected.rootBase64() + "); export again with ?treeSize=" + expected.treeSize()
                    + ", or check the consistency of the two checkpoints");
        }
        return checkpoint;
    }

    private static Refused refused(String detail) {
        return new Refused(new Failure(1, null, "checkpoint", detail));
    }

    private static final class Refused extends RuntimeException {
        private final Failure failure;

        Refused(Failure failure) {
            super(failure.toString(), null, false, false);
            this.failure = failure;
        }
    }
}
