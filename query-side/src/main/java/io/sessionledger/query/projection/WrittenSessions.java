package io.sessionledger.query.projection;

/**
 * The sessions written into a table since it was empty, by its only writer (a rebuild's shadow): a batch looks up
 * only the sessions this may hold, and knows the others have no row yet. A Bloom filter, so a few bits a session
 * whatever the topic holds: it may answer yes for a session never written (the lookup then finds nothing, as
 * before), never no for one that was.
 */
final class WrittenSessions {

    private static final int HASHES = 7;
    /** 10 bits a session: about 1% of the unwritten ones looked up for nothing. */
    private static final int BITS_PER_SESSION = 10;
    private static final int MIN_BITS = 1 << 16;
    /** 16 MiB: past ~13 million sessions more of them are looked up for nothing, none is ever missed. */
    private static final int MAX_BITS = 1 << 27;

    private final long[] words;
    private final int mask;

    /** @param expected about how many sessions will be written (more only costs lookups) */
    WrittenSessions(long expected) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, expected * BITS_PER_SESSION));
        int bits = Integer.highestOneBit((int) wanted - 1) << 1;
        words = new long[bits >>> 6];
        mask = bits - 1;
    }

    synchronized void add(String aggregateId) {
        long hash = hash(aggregateId);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            words[bit >>> 6] |= 1L << bit;
        }
    }

    synchronized boolean mayHold(String aggregateId) {
        long hash = hash(aggregateId);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            if ((words[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser so that both halves are well mixed. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
