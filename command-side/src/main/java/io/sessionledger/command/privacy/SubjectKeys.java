package io.sessionledger.command.privacy;

import io.sessionledger.events.personal.DataKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data subjects' keys ({@code subject_key}), apart from the events, and which sessions hold each subject's
 * data ({@code subject_session}), so that an erasure finds them without reading any event.
 *
 * <p>A key made while events are serialized is written with those events, in their transaction (see
 * {@link #flush()}): it exists exactly when they do. Within one transaction a subject always gets the same key,
 * so the two serializations of an event (the store's and the hash chain's) give the same bytes; caches learn
 * only what committed.
 */
public class SubjectKeys {

    /** A key as the ledger holds it: whose it is, for erasure and for the tenant check of a decryption. */
    public record Held(DataKey key, String tenantId, String subjectRef) {
    }

    private record Link(String subjectRef, String aggregateId) {
    }

    /** What the current transaction chose and made; written by {@link #flush()}, cached after commit. */
    private static final class Pending {
        final Map<String, Held> chosen = new HashMap<>();
        final List<Held> made = new ArrayList<>();
        final Set<Link> links = new LinkedHashSet<>();
        int keysWritten;
        int linksWritten;
    }

    private final JdbcTemplate jdbc;
    private final Lru<String, Held> bySubject;
    private final Lru<String, Held> byId;
    private final Lru<Link, Boolean> linked;

    public SubjectKeys(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.bySubject = new Lru<>(capacity);
        this.byId = new Lru<>(capacity);
        this.linked = new Lru<>(capacity);
    }

    /** The key to seal the subject's data with, made if the subject has none; records that the session holds it. */
    public DataKey sealingKey(String tenantId, String subjectRef, String aggregateId) {
        Pending pending = pending();
        Held held = pending == null ? null : pending.chosen.get(subjectRef);
        if (held == null) {
            held = cached(bySubject, subjectRef);
        }
        if (held == null) {
            held = stored(subjectRef).orElse(null);
        }
        if (held == null) {
            held = new Held(DataKey.generate(), tenantId, subjectRef);
            if (pending != null) {
                pending.made.add(held);
            } else {
                insertKeys(List.of(held));
                remember(bySubject, subjectRef, held);
            }
        }
        Link link = new Link(subjectRef, aggregateId);
        if (pending != null) {
            pending.chosen.put(subjectRef, held);
            if (cached(linked, link) == null) {
                pending.links.add(link);
            }
        } else if (cached(linked, link) == null) {
            insertLinks(List.of(link));
        }
        return held.key();
    }

    /** The key with this id, or empty when it was destroyed (or never existed). */
    public Optional<Held> byId(String keyId) {
        Pending pending = pending();
        if (pending != null) {
            for (Held made : pending.made) {
                if (made.key().id().equals(keyId)) {
                    return Optional.of(made);
                }
            }
        }
        Held held = cached(byId, keyId);
        if (held != null) {
            return Optional.of(held);
        }
        List<Held> stored = jdbc.query("select key_id, secret, tenant_id, subject_ref from subject_key where key_id = ?",
                (row, n) -> new Held(DataKey.of(row.getString(1), row.getString(2)), row.getString(3),
                        row.getString(4)), keyId);
        stored.forEach(found -> remember(byId, keyId, found));
        return stored.stream().findFirst();
    }

    /** Several keys at once (the query side asks for a poll's worth); absent ids were destroyed or never existed. */
    public Map<String, Held> byIds(Collection<String> keyIds) {
        Map<String, Held> found = new HashMap<>();
        for (String id : keyIds) {
            byId(id).ifPresent(held -> found.put(id, held));
        }
        return found;
    }

    /** Writes what this transaction made: called by the storage engine, inside the events' transaction. */
    public void flush() {
        Pending pending = pending();
        if (pending == null) {
            return;
        }
        insertKeys(pending.made.subList(pending.keysWritten, pending.made.size()));
        insertLinks(pending.links.stream().skip(pending.linksWritten).toList());
        pending.keysWritten = pending.made.size();
        pending.linksWritten = pending.links.size();
    }

    /** The sessions that hold the subject's data. */
    public List<String> sessionsOf(String subjectRef) {
        return jdbc.queryForList("select aggregate_id from subject_session where subject_ref = ? order by aggregate_id",
                String.class, subjectRef);
    }

    /** True when keys of this subject were destroyed before. */
    public boolean erasedBefore(String subjectRef) {
        Integer count = jdbc.queryForObject("select count(*) from erased_subject_key where subject_ref = ?",
                Integer.class, subjectRef);
        return count != null && count > 0;
    }

    /**
     * Destroys every key of these subjects, in the caller's transaction; keeps only a record that a key of that
     * id existed and when it went. Returns how many keys were destroyed.
     */
    public int destroy(Collection<String> subjectRefs) {
        int destroyed = 0;
        Timestamp now = Timestamp.from(Instant.now());
        for (String ref : subjectRefs) {
            jdbc.update("insert into erased_subject_key (key_id, tenant_id, subject_ref, erased_at) "
                    + "select key_id, tenant_id, subject_ref, ? from subject_key where subject_ref = ?", now, ref);
            destroyed += jdbc.update("delete from subject_key where subject_ref = ?", ref);
        }
        forget(subjectRefs);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(subjectRefs); // again: a concurrent read may have cached a key before the delete committed
                }
            });
        }
        return destroyed;
    }

    private void forget(Collection<String> subjectRefs) {
        synchronized (bySubject) {
            subjectRefs.forEach(bySubject::remove);
        }
        synchronized (byId) {
            byId.values().removeIf(held -> subjectRefs.contains(held.subjectRef()));
        }
    }

    private Optional<Held> stored(String subjectRef) {
        List<Held> keys = jdbc.query("select key_id, secret, tenant_id from subject_key where subject_ref = ? "
                        + "order by created_at, key_id",
                (row, n) -> new Held(DataKey.of(row.getString(1), row.getString(2)), row.getString(3), subjectRef),
                subjectRef);
        return keys.stream().findFirst();
    }

    private void insertKeys(List<Held> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into subject_key (key_id, tenant_id, subject_ref, secret, created_at) "
                        + "values (?, ?, ?, ?, ?)",
                keys.stream().map(held -> new Object[] {held.key().id(), held.tenantId(), held.subjectRef(),
                        held.key().secretBase64(), now}).toList());
    }

    private void insertLinks(Collection<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into subject_session (subject_ref, aggregate_id) values (?, ?) on conflict do nothing",
                links.stream().map(link -> new Object[] {link.subjectRef(), link.aggregateId()}).toList());
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending fresh = new Pending();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.chosen.forEach((ref, held) -> {
                        rememberIfAbsent(bySubject, ref, held);
                        remember(byId, held.key().id(), held);
                    });
                    synchronized (linked) {
                        fresh.links.forEach(link -> linked.put(link, Boolean.TRUE));
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SubjectKeys.this);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    private static <K, V> V cached(Lru<K, V> cache, K key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private static <K> void remember(Lru<K, Held> cache, K key, Held held) {
        synchronized (cache) {
            cache.put(key, held);
        }
    }

    private static <K> void rememberIfAbsent(Lru<K, Held> cache, K key, Held held) {
        synchronized (cache) {
            cache.putIfAbsent(key, held);
        }
    }
}
