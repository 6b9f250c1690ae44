package io.sessionledger.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.KeyedHash;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.proofs.EventContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * What hashing and sealing cost a create on the command side's write path, measured in this JVM on one thread
 * (CPU time of the thread, so other work on a busy machine does not count), warmed up, bounded in time. The
 * create is a typical Genesys one (agent, customer, visit id; a customer new to the ledger, so a new data key)
 * with the metadata every stored event carries. Each variant builds a new Axon event message per create and calls
 * it exactly as the command side does:
 * <ul>
 *   <li>{@code before}: the store's serialization of payload and metadata with Axon's plain Jackson serializer,
 *       as before hashing and sealing existed;</li>
 *   <li>{@code store}: the same with the sealing serializer ({@link SealingSerializer}: subject's keyed hash,
 *       a new {@link DataKey}, three values sealed);</li>
 *   <li>{@code writePath}: {@code store}, then what the chain writer adds ({@code ChainWriter.content}: the
 *       message serialized again, the bytes parsed, {@link EventContent#hash}) and the uniqueness row's keyed
 *       hash of the visit id.</li>
 * </ul>
 * plus the parts alone: the hash over already serialized bytes, and a sealing serialization that no cache serves
 * (Axon's message keeps its serialized form per serializer, so the chain writer's second call is a lookup).
 * Variants take turns in short slices, several rounds; each figure is the median round. Reproduced outside the
 * command side (its Spring Boot jar is not a library): where the key comes from is not (the command side looks a
 * new subject up in the database, then writes the key in the append's transaction).
 */
public final class WritePathCost {

    public record Result(Map<String, Double> microsPerCreate, long creates, int rounds, double seconds) {
        public double micros(String variant) {
            return microsPerCreate.getOrDefault(variant, Double.NaN);
        }

        /** What hashing and sealing add to a create: today's write path less the one before them. */
        public double addedMicros() {
            return micros(WRITE_PATH) - micros(BEFORE);
        }
    }

    static final String BEFORE = "before";
    static final String STORE = "store";
    static final String WRITE_PATH = "writePath";
    static final String HASH = "hash";
    static final String UNCACHED = "uncachedSealing";
    static final String UNIQUE = "uniqueKeyHmac";

    private static final int POOL = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SessionEvent> events = new ArrayList<>(POOL);
    private final List<MetaData> metadata = new ArrayList<>(POOL);
    private final List<String> aggregateIds = new ArrayList<>(POOL);
    private final List<String> uniqueDigests = new ArrayList<>(POOL);
    private final List<byte[][]> stored = new ArrayList<>(POOL);
    private final Serializer plain = JacksonSerializer.defaultSerializer();
    private final SealingSerializer sealing;
    private final KeyedHash keyedHash;
    private long sink;

    public WritePathCost() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        keyedHash = new KeyedHash(secret);
        sealing = new SealingSerializer(JacksonSerializer.defaultSerializer(), keyedHash, subject -> DataKey.generate());
        for (int i = 0; i < POOL; i++) {
            String sessionId = "s-" + java.util.UUID.randomUUID();
            events.add(GenesysEvents.create("bench", sessionId, "a-" + i % 100, "c-bench-" + i, "v-bench-" + i));
            metadata.add(MetaData.from(GenesysEvents.metadata("bench", "k-" + java.util.UUID.randomUUID())));
            aggregateIds.add(new SessionRef("bench", sessionId).aggregateId());
            uniqueDigests.add(keyedHash.hex("digest-stand-in", "v-bench-" + i)); // 64 hex digits, as UniqueKey.hash()
            DomainEventMessage<?> message = message(i);
            stored.add(new byte[][] {message.serializePayload(sealing, byte[].class).getData(),
                    message.serializeMetaData(sealing, byte[].class).getData()});
        }
    }

    /** Runs every variant for {@code warmup}, then in turns for {@code measured} in all, {@code rounds} rounds. */
    public Result measure(Duration warmup, Duration measured, int rounds) {
        Map<String, Runnable> variants = variants();
        long warmUntil = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmUntil) {
            variants.values().forEach(variant -> slice(variant, Duration.ofMillis(50)));
        }
        Duration slice = measured.dividedBy((long) rounds * variants.size());
        Map<String, List<Double>> perRound = new LinkedHashMap<>();
        long creates = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Runnable> variant : variants.entrySet()) {
                long[] done = slice(variant.getValue(), slice);
                creates += done[0];
                perRound.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(done[1] / 1000.0 / done[0]);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        perRound.forEach((name, values) -> medians.put(name, median(values)));
        if (sink == 42) {
            System.err.print(""); // keeps the results alive for the JIT
        }
        return new Result(medians, creates, rounds, (System.nanoTime() - start) / 1e9);
    }

    private Map<String, Runnable> variants() {
        int[] next = {0};
        Map<String, Runnable> variants = new LinkedHashMap<>();
        variants.put(BEFORE, () -> {
            int i = next[0]++ & (POOL - 1);
            DomainEventMessage<?> message = message(i);
            sink += message.serializePayload(plain, byte[].class).getData().length
                    + message.serializeMetaData(plain, byte[].class).getData().length;
        });
        variants.put(STORE, () -> {
            int i = next[0]++ & (POOL - 1);
            DomainEventMessage<?> message = message(i);
            sink += message.serializePayload(sealing, byte[].class).getData().length
                    + message.serializeMetaData(sealing, byte[].class).getData().length;
        });
        variants.put(WRITE_PATH, () -> {
            int i = next[0]++ & (POOL - 1);
            DomainEventMessage<?> message = message(i);
            // the storage engine's insert (JdbcEventStorageEngine's append statement)
            sink += message.serializePayload(sealing, byte[].class).getData().length
                    + message.serializeMetaData(sealing, byte[].class).getData().length;
            // the chain writer, in the same transaction (ChainWriter.content, then the hash)
            SerializedObject<byte[]> payload = message.serializePayload(sealing, byte[].class);
            byte[] meta = message.serializeMetaData(sealing, byte[].class).getData();
            sink += new EventContent(message.getAggregateIdentifier(), message.getSequenceNumber(),
                    message.getIdentifier(), payload.getType().getName(),
                    DateTimeUtils.formatInstant(message.getTimestamp()), json(payload.getData()), json(meta))
                    .hash(EventContent.GENESIS).length();
            // the uniqueness row of the visit id: a keyed hash of its digest
            sink += keyedHash.hex("unique-key", uniqueDigests.get(i)).length();
        });
        variants.put(HASH, () -> {
            int i = next[0]++ & (POOL - 1);
            byte[][] bytes = stored.get(i);
            sink += new EventContent(aggregateIds.get(i), 0, "e-" + i, events.get(i).getClass().getName(),
                    "2026-12-01T12:00:00.000Z", json(bytes[0]), json(bytes[1])).hash(EventContent.GENESIS).length();
        });
        variants.put(UNCACHED, () -> {
            int i = next[0]++ & (POOL - 1);
            sink += sealing.serialize(events.get(i), byte[].class).getData().length
                    + sealing.serialize(metadata.get(i), byte[].class).getData().length;
        });
        variants.put(UNIQUE, () -> {
            int i = next[0]++ & (POOL - 1);
            sink += keyedHash.hex("unique-key", uniqueDigests.get(i)).length();
        });
        return variants;
    }

    private DomainEventMessage<?> message(int i) {
        return new GenericDomainEventMessage<>(GenesysEvents.AGGREGATE_TYPE, aggregateIds.get(i), 0, events.get(i),
                metadata.get(i));
    }

    /** Runs the variant for about {@code length}; returns {operations, thread CPU nanoseconds}. */
    private static long[] slice(Runnable variant, Duration length) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + length.toNanos();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long operations = 0;
        do {
            for (int i = 0; i < 64; i++) {
                variant.run();
            }
            operations += 64;
        } while (System.nanoTime() < until);
        return new long[] {operations, threads.getCurrentThreadCpuTime() - cpuStart};
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
