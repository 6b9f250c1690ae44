package io.sessionledger.query.consistency;

import io.sessionledger.dialect.LogPositions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The read barrier's side of the current HTTP request (docs/decisions.md, "Read barrier from acknowledged
 * positions"): the positions the edge says the read must see ({@link LogPositions#READ_AFTER}), and the log's ends
 * the barrier learned otherwise, told back ({@link LogPositions#LOG_ENDS}) so that the edge can seed its own.
 * Outside a request (a caller on another thread) there is neither.
 */
final class BarrierHeaders {

    private BarrierHeaders() {
    }

    /** The highest offset per partition this read must see, or null when the request names none (or badly). */
    static Map<Integer, Long> readAfter() {
        ServletRequestAttributes request = current();
        return request == null ? null : LogPositions.parse(request.getRequest().getHeader(LogPositions.READ_AFTER));
    }

    /**
     * Tells the client the log's ends, when they cover every partition: {@code nextOffsets} holds, per partition,
     * the offset after the last record there when the read began or later.
     */
    static void tellEnds(Map<Integer, Long> nextOffsets, int partitions) {
        ServletRequestAttributes request = current();
        if (request == null || request.getResponse() == null || nextOffsets.size() < partitions) {
            return;
        }
        HttpServletResponse response = request.getResponse();
        if (response.isCommitted()) {
            return;
        }
        Map<Integer, Long> highest = new HashMap<>();
        nextOffsets.forEach((partition, next) -> highest.put(partition, next - 1));
        response.setHeader(LogPositions.LOG_ENDS, LogPositions.format(highest));
    }

    private static ServletRequestAttributes current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet : null;
    }
}
