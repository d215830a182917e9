package io.github.finetune4j.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures heap occupancy from GC notifications: the used heap just before each collection (the peak the heap
 * reached) and just after it (what was still live). Heap use only grows between collections, so the largest
 * before-GC value, together with the use at the end, is the peak.
 */
final class HeapMeter implements NotificationListener, AutoCloseable {
    private final AtomicLong peakBefore = new AtomicLong();
    private final AtomicLong peakAfter = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        peakBefore.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfter.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        collections.incrementAndGet();
    }

    private static long sum(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            String name = e.getKey();
            if (!name.contains("Metaspace") && !name.contains("Code") && !name.contains("Compressed")) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    /** Peak heap used, in bytes. */
    long peakUsed() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(peakBefore.get(), now);
    }

    /** Largest live set after a collection, in bytes. */
    long peakLive() {
        return peakAfter.get();
    }

    long collections() {
        return collections.get();
    }

    void reset() {
        peakBefore.set(0);
        peakAfter.set(0);
        collections.set(0);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
