package io.sessionledger.query.projection;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.copy.CopyIn;

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

    /** Sent in pieces of this size: a batch's rows in one array were large objects for the collector (G1). */
    private static final int CHUNK = 64 * 1024;

    // A plain array written in place: through DataOutputStream and ByteArrayOutputStream every length and
    // flag was a synchronized call with its own capacity check, 40% of the write thread's samples in a rebuild.
    private final CopyIn sink;
    private byte[] bytes = new byte[CHUNK];
    private int size;

    private CopyRows(CopyIn sink) {
        this.sink = sink;
    }

    /** Streams the rows into a COPY started {@code from stdin (format binary)}, and ends it. */
    static void copy(List<SessionRow> rows, CopyIn sink) throws SQLException {
        try {
            CopyRows copy = new CopyRows(sink);
            copy.raw(SIGNATURE);
            copy.int32(0);
            copy.int32(0);
            for (SessionRow row : rows) {
                copy.row(row);
            }
            copy.int16(-1);
            copy.flush();
            sink.endCopy();
        } catch (UncheckedSql e) {
            throw e.getCause();
        } finally {
            if (sink.isActive()) {
                sink.cancelCopy();
            }
        }
    }

    private void row(SessionRow row) {
        int16(FIELDS);
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
        int32(8);
        int64(row.version());
        text(row.dialect());
        time(row.createdAt());
        time(row.updatedAt());
        time(row.endedAt());
        bool(row.deleted());
    }

    private void text(String value) {
        if (value == null) {
            int32(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        raw(utf8);
    }

    private void bool(Boolean value) {
        if (value == null) {
            int32(-1);
            return;
        }
        int32(1);
        room(1);
        bytes[size++] = (byte) (value ? 1 : 0);
    }

    private void time(Instant value) {
        if (value == null) {
            int32(-1);
            return;
        }
        int32(8);
        // Rounded to the microsecond half up, as pgjdbc binds a time on the plain path: both paths store the same.
        int64((value.getEpochSecond() - EPOCH_2000_SECONDS) * 1_000_000L + (value.getNano() + 500) / 1_000);
    }

    private void raw(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void int16(int value) {
        room(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void int32(int value) {
        room(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            flush();
            if (more > bytes.length) {
                bytes = new byte[more]; // one value longer than a chunk (large metadata)
            }
        }
    }

    private void flush() {
        if (size == 0) {
            return;
        }
        try {
            sink.writeToCopy(bytes, 0, size);
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
        size = 0;
    }

    /** Carries a failed write out of the row writers, which would otherwise all declare it. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
