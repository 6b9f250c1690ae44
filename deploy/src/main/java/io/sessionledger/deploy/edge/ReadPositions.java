package io.sessionledger.deploy.edge;

import io.sessionledger.dialect.LogPositions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The read barrier without a broker request per read (docs/decisions.md, "Read barrier from acknowledged
 * positions"). The edge sees every write's answer before its client does: it keeps the highest offset per partition
 * the command side acknowledged ({@code x-ledger-position}) and sends them with every read
 * ({@code x-ledger-read-after}); the query side waits for those alone.
 *
 * <p>They cover every acknowledged write only once seeded: writes acknowledged before this edge started, and writes
 * whose answer named no position, are in no header. Until then a read goes without positions, the query side asks
 * the broker as before and answers the log's ends ({@code x-ledger-log-ends}), which are at or past every write
 * acknowledged before the read reached the edge; those seed the positions, unless a write without a position was
 * acknowledged meanwhile (the epoch moved). Such a write unseeds them again.
 *
 * <p>Only sound where every write passes through this edge: one edge ({@code LEDGER_EDGE_INSTANCES=1}), and no
 * client writing to the command side directly while reading through the edge. Otherwise it is off and every read
 * asks the broker.
 */
final class ReadPositions {

    private static final HttpString READ_AFTER = HttpString.tryFromString(LogPositions.READ_AFTER);
    private static final HttpString LOG_ENDS = HttpString.tryFromString(LogPositions.LOG_ENDS);
    private static final HttpString WRITE_POSITION = HttpString.tryFromString(LogPositions.WRITE_POSITION);
    private static final Set<HttpString> READ_METHODS = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS);

    private final boolean enabled;
    private final Map<Integer, Long> highest = new HashMap<>();
    private boolean seeded;
    private long epoch;
    /** The header for the positions as they stand, null until asked for after a change. */
    private String header;

    ReadPositions(boolean enabled) {
        this.enabled = enabled;
    }

    /** A write on its way to the command side: its answer's position is kept before the client sees it. */
    void watchWrite(HttpServerExchange exchange) {
        if (!enabled || READ_METHODS.contains(exchange.getRequestMethod())) {
            return;
        }
        exchange.addResponseCommitListener(answered -> {
            int status = answered.getStatusCode();
            if (status < 200 || status >= 300) {
                // Not acknowledged: its client has no claim to see it.
                return;
            }
            Map<Integer, Long> position = LogPositions.parse(answered.getResponseHeaders().getFirst(WRITE_POSITION));
            if (position == null || position.isEmpty()) {
                unaccounted();
            } else {
                acknowledged(position);
            }
        });
    }

    /** A read on its way to the query side: carries the positions, or (unseeded) asks for the log's ends. */
    void stampRead(HttpServerExchange exchange) {
        // A client's own positions are not forwarded: they could make the edge's reads skip writes.
        exchange.getRequestHeaders().remove(READ_AFTER);
        if (!enabled) {
            return;
        }
        String positions;
        long sentAt;
        synchronized (this) {
            positions = seeded ? header() : null;
            sentAt = epoch;
        }
        if (positions != null) {
            exchange.getRequestHeaders().put(READ_AFTER, positions);
            return;
        }
        exchange.addResponseCommitListener(answered -> {
            Map<Integer, Long> ends = LogPositions.parse(answered.getResponseHeaders().getFirst(LOG_ENDS));
            answered.getResponseHeaders().remove(LOG_ENDS);
            if (ends != null) {
                seed(sentAt, ends);
            }
        });
    }

    synchronized void acknowledged(Map<Integer, Long> positions) {
        positions.forEach((partition, offset) -> {
            Long before = highest.get(partition);
            if (before == null || before < offset) {
                highest.put(partition, offset);
                header = null;
            }
        });
    }

    /** A write acknowledged without naming where it is: no read may rely on the positions until seeded again. */
    synchronized void unaccounted() {
        seeded = false;
        epoch++;
    }

    /** The log's ends as a read sent at {@code sentAt} learned them: they seed if no write went unaccounted since. */
    synchronized void seed(long sentAt, Map<Integer, Long> ends) {
        acknowledged(ends);
        if (sentAt == epoch) {
            seeded = true;
        }
    }

    /** The header a read would carry now, or null while unseeded. */
    synchronized String current() {
        return seeded ? header() : null;
    }

    synchronized long epoch() {
        return epoch;
    }

    private String header() {
        if (header == null) {
            header = LogPositions.format(highest);
        }
        return header;
    }
}
