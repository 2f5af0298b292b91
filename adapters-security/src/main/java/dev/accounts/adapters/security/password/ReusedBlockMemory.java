package dev.accounts.adapters.security.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

import java.util.ArrayDeque;

/**
 * Argon2 memory that each thread keeps from one hash to its next. Bouncy Castle clears every block before
 * handing it back, so nothing of a password outlives its hash. Per thread, because a hashing thread runs
 * one hash at a time: no locking on the 19,456 allocations of each hash. The blocks belong to the thread,
 * not to an encoder, so a thread holds at most one hash's memory however many encoders it has used, and
 * gives it up when it ends.
 */
final class ReusedBlockMemory implements Argon2BytesGenerator.BlockPool {

    private static final ThreadLocal<ArrayDeque<Argon2BytesGenerator.Block>> FREE_BLOCKS = ThreadLocal.withInitial(ArrayDeque::new);

    private final int maxBlocksPerThread;

    ReusedBlockMemory(int maxBlocksPerThread) {
        this.maxBlocksPerThread = maxBlocksPerThread;
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        Argon2BytesGenerator.Block block = FREE_BLOCKS.get().pollLast();
        return block != null ? block : new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        ArrayDeque<Argon2BytesGenerator.Block> blocks = FREE_BLOCKS.get();
        if (blocks.size() < maxBlocksPerThread) {
            blocks.addLast(block);
        }
    }

    /** How many blocks the calling thread keeps for its next hash. */
    static int heldByThisThread() {
        return FREE_BLOCKS.get().size();
    }
}
