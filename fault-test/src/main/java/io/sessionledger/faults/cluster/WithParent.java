package io.sessionledger.faults.cluster;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and ends with the suite: {@code WithParent <suite pid> <main class> <args...>}.
 * The broker and the edge have no parent watchdog of their own (the services do: LEDGER_PARENT_PID), and a
 * suite killed by a build timeout must not leave them running.
 */
public final class WithParent {

    private WithParent() {
    }

    public static void main(String[] args) throws Throwable {
        long parent = Long.parseLong(args[0]);
        Thread watch = new Thread(() -> {
            ProcessHandle.of(parent).ifPresent(handle -> handle.onExit().join());
            Runtime.getRuntime().halt(3); // as abrupt as the parent's own end
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
