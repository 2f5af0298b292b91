package dev.accounts.adapters.security.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

import java.util.ArrayDeque;

/**
 * Argon2 memory that each thread keeps from one hash to its next. Bouncy Castle clears every block before
 * handing it back, so nothing of a password outlives its hash. Per thread, because a hashing thread runs
 * one hash at a time: no locking on the 19,456 allocations of each hash, and at most one hash's memory
 * held per thread.
 */
final class ReusedBlockMemory implements Argon2BytesGenerator.BlockPool {

    private final int maxBlocksPerThread;
    private final ThreadLocal<ArrayDeque<Argon2BytesGenerator.Block>> free = ThreadLocal.withInitial(ArrayDeque::new);

    ReusedBlockMemory(int maxBlocksPerThread) {
        this.maxBlocksPerThread = maxBlocksPerThread;
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        Argon2BytesGenerator.Block block = free.get().pollLast();
        return block != null ? block : new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        ArrayDeque<Argon2BytesGenerator.Block> blocks = free.get();
        if (blocks.size() < maxBlocksPerThread) {
            blocks.addLast(block);
        }
    }
}
