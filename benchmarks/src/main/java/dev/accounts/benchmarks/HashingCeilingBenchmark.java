package dev.accounts.benchmarks;

import dev.accounts.adapters.security.password.HashingAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.TimeUnit;

/**
 * The most sign-ups per second this machine could ever serve: password hashes per second on every core,
 * with exactly the service's algorithm and parameters. Registration throughput is judged against it.
 */
@BenchmarkMode(Mode.Throughput)
@Threads(Threads.MAX)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@State(Scope.Thread)
public class HashingCeilingBenchmark {

    @Param({"ARGON2ID"})
    public String algorithm;

    private PasswordEncoder encoder;

    @Setup
    public void createEncoder() {
        encoder = HashingAlgorithm.valueOf(algorithm).encoder();
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OutputTimeUnit(TimeUnit.SECONDS)
    public String hash() {
        return encoder.encode("tangerine otter kayak mosaic");
    }
}
