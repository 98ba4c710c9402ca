package coop.cooperative.app.rebuild;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps this node's queries of a view away from its tables for the moment a rebuilt set takes the
 * live set's place. On PostgreSQL the swap is one transaction and other nodes see it at once; on H2
 * it is a few renames, each committed on its own, between which a query could find no table.
 */
@Component
public class ViewSwitch {

    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    /** Runs a query of the view; it waits while the view's tables are being swapped. */
    public <T> T reading(String view, ThrowingSupplier<T> query) throws Exception {
        Lock lock = lock(view).readLock();
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the swap of these views' tables with no query of them under way on this node. */
    void swapping(Collection<String> views, Runnable swap) {
        List<Lock> held = views.stream().sorted().map(view -> (Lock) lock(view).writeLock()).toList();
        held.forEach(Lock::lock);
        try {
            swap.run();
        } finally {
            held.forEach(Lock::unlock);
        }
    }

    private ReentrantReadWriteLock lock(String view) {
        return locks.computeIfAbsent(view, v -> new ReentrantReadWriteLock());
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
