package io.sessionledger.command.api.ledger.audit;

import com.fasterxml.jackson.core.io.SerializedString;
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
import io.sessionledger.proofs.ExportLineWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes an export to the response as it is read (JSON Lines, the layout of {@link ExportLine}): the checkpoint,
 * one line per event with its inclusion proof, and a closing line with the count. A failure half-way cannot change
 * the status any more; the missing closing line tells the verifier the export was cut short. Proofs are taken in
 * leaf order from one cursor, their hashes encoded once each; the lines are rendered in batches ahead on every core
 * ({@link WorkAhead}, {@link ExportLineWriter}: no JSON tree per line) and written in order.
 */
final class ExportWriter {

    /**
     * Lines rendered by one task into one buffer: about 220 KB, below G1's humongous size (half a region: 512 KB at
     * the services' heap). The buffers are reused, one per batch in flight.
     */
    private static final int LINES_PER_BATCH = 100;

    private record Proved(StoredEvent event, List<SerializedString> proof) {
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
        // Tomcat sends its buffer as one chunk per write to the socket: 8 KB by default, a system call every four lines.
        response.setBufferSize(256 * 1024);
        long treeSize = checkpoint.treeSize();
        CheckpointNote named = CheckpointNote.parse(checkpoint.note().substring(0, checkpoint.note().indexOf("\n\n") + 1));
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        line(out, ExportLine.header(checkpoint.note(), named));
        InclusionProofs proofs = log.inclusionProofs(treeSize); // events come in leaf order: neighbours share hashes
        ExportLineWriter.Base64Cache base64 = new ExportLineWriter.Base64Cache();
        // The batches' buffers go round: one per batch in flight (a few), each reset once written, none copied.
        Queue<ExportLineWriter> spare = new ConcurrentLinkedQueue<>();
        WorkAhead<List<Proved>, ExportLineWriter> batches = new WorkAhead<>(1,
                batch -> render(batch, treeSize, spare.poll()), (batch, lines) -> {
                    lines.writeTo(out);
                    lines.reset();
                    spare.add(lines);
                });
        List<List<Proved>> filling = new ArrayList<>(List.of(new ArrayList<>(LINES_PER_BATCH)));
        long count;
        try {
            count = events.feed(event -> {
                List<Proved> batch = filling.get(0);
                batch.add(new Proved(event, base64.encode(proofs.proof(event.leafIndex()))));
                if (batch.size() == LINES_PER_BATCH) {
                    filling.set(0, new ArrayList<>(LINES_PER_BATCH));
                    ahead(() -> batches.add(batch));
                }
            });
            if (!filling.get(0).isEmpty()) {
                ahead(() -> batches.add(filling.get(0)));
            }
            ahead(batches::finish);
        } finally {
            batches.abandon();
        }
        line(out, ExportLine.end(count));
        out.flush();
    }

    /**
     * A batch's lines, in one buffer (a spare one when there is one): rendered on another core while the reader
     * goes on.
     */
    private static ExportLineWriter render(List<Proved> batch, long treeSize, ExportLineWriter spare) {
        ExportLineWriter lines = spare != null ? spare : new ExportLineWriter(LINES_PER_BATCH * 2560);
        for (Proved proved : batch) {
            StoredEvent event = proved.event();
            lines.line(new ExportLineWriter.StoredLine(event.eventId(), event.aggregateId(), event.sequence(),
                    event.payloadType(), event.occurredAt(), event.payload(), event.metadata(), event.hash(),
                    event.previousHash(), event.position(), event.leafIndex()), treeSize, proved.proof());
        }
        return lines;
    }

    private static void line(OutputStream out, ObjectNode line) throws IOException {
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
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
