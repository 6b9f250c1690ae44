package io.sessionledger.deploy.services;

import java.nio.file.Path;

/**
 * Which JDK runs a service and where its start-up cache is kept (issue 11, point 5; {@link JvmCache}).
 *
 * @param javaHome the JDK, or null for the one running the launcher
 * @param cacheDir where start-up caches are kept, or null for none
 * @param record   record a new cache even when there is one (after a change of workload, say); it replaces the old
 *                 one when the service stops
 */
public record ServiceJvm(Path javaHome, Path cacheDir, boolean record) {

    /** The launcher's own JDK, no cache: what tests and the fault suite use. */
    public static final ServiceJvm PLAIN = new ServiceJvm(null, null, false);

    Path home() {
        return javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
    }
}
