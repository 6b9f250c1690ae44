package io.sessionledger.faults.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every request every client made, in the order they were answered. */
public final class Journal {

    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    void add(Op op) {
        ops.add(op);
    }

    /** A copy, ordered by when each request was sent. */
    public List<Op> ops() {
        List<Op> copy = new ArrayList<>(ops);
        copy.sort(Comparator.comparingLong(Op::startNanos));
        return copy;
    }

    public int size() {
        return ops.size();
    }
}
