package io.sessionledger.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.personal.DataKey;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.query.commandside.CommandSideInstances;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data keys the projection needs to open sealed personal data, asked of the command side (which owns them)
 * a poll's worth at a time, and kept in a bounded cache. A key the command side does not return was destroyed:
 * what it sealed projects as absent. A command side that cannot be asked fails the batch, which is retried:
 * an outage must never pass for an erasure.
 */
public class PersonalDataKeys {

    /** The command side's keys could not be read: the batch must not be applied now. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /**
     * Ids asked for in one request: a catch-up poll can meet thousands of subjects new to this cache, and one
     * request for all of them outgrew the command side's 64 KB body limit (413), failing the batch on every retry.
     */
    static final int IDS_PER_REQUEST = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MARK = SealedValue.PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final String PATH = "/internal/v1/personal-data-keys";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final CommandSideInstances commandSide;
    private final String adminKey;
    private final Map<String, DataKey> cache;

    /** @param commandSide null when there is none to ask: every sealed value reads as absent */
    public PersonalDataKeys(CommandSideInstances commandSide, String adminKey, int capacity) {
        this.commandSide = commandSide;
        this.adminKey = adminKey;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DataKey> eldest) {
                return size() > capacity;
            }
        };
    }

    /** For projections that only ever meet clear data (tests, tools): every sealed value reads as absent. */
    public static PersonalDataKeys none() {
        return new PersonalDataKeys(null, null, 1);
    }

    /** True when the record holds at least one sealed value (a byte search, no parsing). */
    public static boolean holdsSealed(byte[] record) {
        return indexOf(record, 0) >= 0;
    }

    /**
     * The ids of the keys a record's sealed values need.
     *
     * @return whether it holds any sealed value (as {@link #holdsSealed})
     */
    public static boolean keyIdsIn(byte[] record, Collection<String> into) {
        boolean any = false;
        for (int at = indexOf(record, 0); at >= 0; at = indexOf(record, at + MARK.length)) {
            any = true;
            int start = at + MARK.length;
            int end = start;
            while (end < record.length && record[end] != ':' && end - start < 64) {
                end++;
            }
            into.add(new String(record, start, end - start, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return any;
    }

    /** An opener for one batch: the keys it needs, fetched at once; what is missing was erased. */
    public PersonalFields.Opener openerFor(Collection<String> keyIds) {
        Map<String, DataKey> keys = keysFor(keyIds);
        return (field, sealed) -> {
            DataKey key = keys.get(SealedValue.keyIdOf(sealed));
            return key == null ? null : SealedValue.open(key, field, sealed);
        };
    }

    /** An erasure was projected: drop every cached key, so nothing erased is opened again from memory. */
    public synchronized void forgetAll() {
        cache.clear();
    }

    private Map<String, DataKey> keysFor(Collection<String> keyIds) {
        Map<String, DataKey> found = new HashMap<>();
        List<String> missing;
        synchronized (this) {
            for (String id : keyIds) {
                DataKey key = cache.get(id);
                if (key != null) {
                    found.put(id, key);
                }
            }
            missing = keyIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        }
        if (missing.isEmpty() || commandSide == null) {
            return found;
        }
        Map<String, DataKey> fetched = new HashMap<>();
        for (int from = 0; from < missing.size(); from += IDS_PER_REQUEST) {
            fetched.putAll(fetch(missing.subList(from, Math.min(from + IDS_PER_REQUEST, missing.size()))));
        }
        synchronized (this) {
            cache.putAll(fetched);
        }
        found.putAll(fetched);
        return found;
    }

    private Map<String, DataKey> fetch(List<String> keyIds) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("keyIds", keyIds));
            // A POST only to carry the ids: it reads keys and changes nothing, so any instance may be asked again.
            HttpResponse<byte[]> response = commandSide.send(http, PATH, uri -> HttpRequest.newBuilder(uri)
                            .timeout(TIMEOUT)
                            .header("x-api-key", adminKey == null ? "" : adminKey)
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray(), CommandSideInstances.Resend.IDEMPOTENT);
            if (response.statusCode() != 200) {
                throw new Unavailable("the command side answered " + response.statusCode()
                        + " for personal-data keys (is LEDGER_ADMIN_KEY the same on both sides?)", null);
            }
            Map<String, DataKey> keys = new HashMap<>();
            for (JsonNode key : JSON.readTree(response.body()).path("keys")) {
                keys.put(key.path("keyId").asText(), DataKey.of(key.path("keyId").asText(), key.path("secret").asText()));
            }
            return keys;
        } catch (IOException e) {
            throw new Unavailable("cannot reach the command side for personal-data keys", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while fetching personal-data keys", e);
        }
    }

    /**
     * Horspool's search: the byte under the mark's last position says how far the mark can move on, most often its
     * whole length. Every record of a rebuild is searched, and a byte-by-byte search was 12% of the query side's
     * samples there.
     */
    private static int indexOf(byte[] data, int from) {
        int last = MARK.length - 1;
        for (int i = from; i <= data.length - MARK.length; i += SHIFT[data[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && data[i + j] == MARK[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
    }

    private static final int[] SHIFT = shifts();

    private static int[] shifts() {
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, MARK.length);
        for (int i = 0; i < MARK.length - 1; i++) {
            shift[MARK[i] & 0xFF] = MARK.length - 1 - i;
        }
        return shift;
    }
}
