package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.command.audit.ExportSource;
import io.sessionledger.command.audit.StoredEvent;
import io.sessionledger.command.audit.WorkAhead;
import io.sessionledger.command.log.Checkpoint;
import io.sessionledger.command.log.InclusionProofs;
import io.sessionledger.command.log.TransparencyLog;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.ExportLine;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an export to the response as it is read (JSON Lines, the layout of {@link ExportLine}): the checkpoint,
 * one line per event with its inclusion proof, and a closing line with the count. A failure half-way cannot change
 * the status any more; the missing closing line tells the verifier the export was cut short. Proofs are taken in
 * leaf order from one cursor; the lines are rendered ahead on every core ({@link WorkAhead}) and written in order.
 */
final class ExportWriter {

    private static final int LINES_AHEAD = 500;

    private record Proved(StoredEvent event, List<byte[]> proof) {
    }

    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Events {
        long feed(ExportSource.Sink sink) throws IOException;
    }

    private ExportWriter() {
    }

    static void write(HttpServletResponse response, Checkpoint checkpoint, TransparencyLog log, Events events)
            throws IOException {
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        long treeSize = checkpoint.treeSize();
        CheckpointNote named = CheckpointNote.parse(checkpoint.note().substring(0, checkpoint.note().indexOf("\n\n") + 1));
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        line(out, ExportLine.header(checkpoint.note(), named));
        InclusionProofs proofs = log.inclusionProofs(treeSize); // events come in leaf order: neighbours share hashes
        WorkAhead<Proved, byte[]> lines = new WorkAhead<>(LINES_AHEAD, proved -> bytes(line(proved, treeSize)),
                (proved, bytes) -> out.write(bytes));
        long count;
        try {
            count = events.feed(event -> ahead(() -> lines.add(new Proved(event, proofs.proof(event.leafIndex())))));
            ahead(lines::finish);
        } finally {
            lines.abandon();
        }
        line(out, ExportLine.end(count));
        out.flush();
    }

    private static ObjectNode line(Proved proved, long treeSize) {
        StoredEvent event = proved.event();
        return ExportLine.event(event.content(), event.hash(), event.previousHash(), event.position(),
                event.leafIndex(), treeSize, proved.proof());
    }

    private static void line(OutputStream out, ObjectNode line) throws IOException {
        out.write(bytes(line));
    }

    private static byte[] bytes(ObjectNode line) {
        try {
            byte[] json = JSON.writeValueAsBytes(line);
            byte[] withNewline = Arrays.copyOf(json, json.length + 1);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step of the pipeline; what it throws reaches the response as the IOException it (most often) was. */
    private static void ahead(Step step) throws IOException {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
