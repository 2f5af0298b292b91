package dev.accounts.bootstrap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fails a test class when Netty reports a buffer that was garbage-collected without being released, on
 * the server or in a test's client. The build runs Netty's detector at {@code paranoid} (every buffer
 * tracked) with {@link RecordingLeakDetector} in place of the one that only logs; this extension is
 * registered for every test class of the module by {@code META-INF/services}.
 */
public final class NettyLeakCheck implements AfterAllCallback {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        // Netty looks for collected buffers whenever it tracks a new one: collect, then track a few.
        for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 8; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(8);
                probe.release();
            }
        }
        List<String> found = new ArrayList<>();
        for (String leak = LEAKS.poll(); leak != null; leak = LEAKS.poll()) {
            found.add(leak);
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " Netty buffer(s) leaked during or before " + context.getDisplayName()
                    + "; the first one:\n" + found.getFirst());
        }
    }

    /** Named by {@code -Dio.netty.customResourceLeakDetector}; keeps what it finds for {@link NettyLeakCheck}. */
    public static final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

        public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
            super(resourceType, samplingInterval);
        }

        /** The constructor Netty looks for first; without it, it logs an error before using the other. */
        public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long ignoredMaxActive) {
            this(resourceType, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add("LEAK of " + resourceType + ":" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add("LEAK of " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
