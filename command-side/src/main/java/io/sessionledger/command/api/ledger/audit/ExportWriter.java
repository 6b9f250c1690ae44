package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.command.audit.ExportSource;
import io.sessionledger.command.audit.StoredEvent;
import io.sessionledger.command.log.Checkpoint;
import io.sessionledger.command.log.TransparencyLog;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.ExportLine;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an export to the response as it is read (JSON Lines, the layout of {@link ExportLine}): the checkpoint,
 * one line per event with its inclusion proof, and a closing line with the count. A failure half-way cannot change
 * the status any more; the missing closing line tells the verifier the export was cut short.
 */
final class ExportWriter {

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
        long count = events.feed(event -> line(out, line(event, treeSize, log)));
        line(out, ExportLine.end(count));
        out.flush();
    }

    private static ObjectNode line(StoredEvent event, long treeSize, TransparencyLog log) {
        return ExportLine.event(event.content(), event.hash(), event.previousHash(), event.position(),
                event.leafIndex(), treeSize, log.inclusionProof(event.leafIndex(), treeSize));
    }

    private static void line(OutputStream out, ObjectNode line) throws IOException {
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
    }
}
