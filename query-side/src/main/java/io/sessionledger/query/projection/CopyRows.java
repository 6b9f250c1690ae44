package io.sessionledger.query.projection;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format, columns in {@link SessionInfoRepository#COLUMNS} order. Binary
 * rather than text: strings go as their UTF-8 bytes with no escaping to scan for, and times as microseconds,
 * with no formatting and parsing on either side.
 */
final class CopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 26;
    /** PostgreSQL counts timestamps from 2000-01-01T00:00:00Z. */
    private static final long EPOCH_2000_SECONDS = 946_684_800L;

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    private CopyRows(int rows) {
        bytes = new ByteArrayOutputStream(rows * 400);
        out = new DataOutputStream(bytes);
    }

    static byte[] of(List<SessionRow> rows) {
        CopyRows copy = new CopyRows(rows.size());
        try {
            copy.out.write(SIGNATURE);
            copy.out.writeInt(0);
            copy.out.writeInt(0);
            for (SessionRow row : rows) {
                copy.row(row);
            }
            copy.out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy.bytes.toByteArray();
    }

    private void row(SessionRow row) throws IOException {
        out.writeShort(FIELDS);
        text(row.aggregateId());
        text(row.tenantId());
        text(row.sessionId());
        text(row.appId());
        text(row.environment());
        text(row.agentKey());
        text(row.agentId());
        text(row.customerId());
        text(row.userReference());
        text(row.userId());
        text(row.visitId());
        text(row.globalVisitId());
        text(row.sessionReference());
        text(row.sessionKey());
        text(row.name());
        text(row.description());
        text(row.metadata());
        bool(row.enabled());
        text(row.status());
        bool(row.anonymous());
        out.writeInt(8);
        out.writeLong(row.version());
        text(row.dialect());
        time(row.createdAt());
        time(row.updatedAt());
        time(row.endedAt());
        bool(row.deleted());
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private void bool(Boolean value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(1);
        out.writeByte(value ? 1 : 0);
    }

    private void time(Instant value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(8);
        // Rounded to the microsecond half up, as pgjdbc binds a time on the plain path: both paths store the same.
        out.writeLong((value.getEpochSecond() - EPOCH_2000_SECONDS) * 1_000_000L + (value.getNano() + 500) / 1_000);
    }
}
