package io.sessionledger.benchmark.scenario;

/**
 * Vectara session names whose filtered share is known: {@code bench-<d>-<n>}, the digit d spread evenly and
 * independently of n, so the filter {@code ^bench-<d>} matches one name in ten wherever a key-ordered scan
 * starts. Descriptions never start with {@code bench-}, so the filter (which also looks at them) matches
 * names only.
 */
public final class SessionNames {

    /** How many distinct digits there are: each filter matches 1 / BUCKETS of the names. */
    public static final int BUCKETS = 10;

    private SessionNames() {
    }

    public static String name(long n) {
        return "bench-" + bucket(n) + "-" + n;
    }

    /** The filter matching the names of one bucket (0-9). */
    public static String filter(int bucket) {
        return "^bench-" + bucket;
    }

    public static String description(long n) {
        return "benchmark session " + n;
    }

    /** SplitMix64's finaliser: consecutive n land in unrelated buckets, so no key range is all one digit. */
    static int bucket(long n) {
        long z = n + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) BUCKETS);
    }
}
