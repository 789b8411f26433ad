import Dispatch
import Synchronization

/// How much faster two threads of pure arithmetic finish two loops than one thread does:
/// about 2 on two idle cores, near 1 when other processes hold the cores (Linux shares the
/// CPU between sessions, not threads). A missed compare target counts only when this is high.
enum ParallelCapacity {
    /// Every loop's result is added here, so the optimiser cannot drop the loops.
    private static let sink = Atomic<UInt64>(0)

    /// The ratio, with `iterations` steps per loop.
    static func measure(iterations: Int) -> Double {
        let one = Stopwatch.time { spin(iterations, seed: 1) }.seconds
        let two = Stopwatch.time {
            DispatchQueue.concurrentPerform(iterations: 2) { index in spin(iterations, seed: UInt64(index) + 2) }
        }.seconds
        return 2 * one / two
    }

    /// A xorshift walk: no memory traffic, nothing shared between threads but the final add.
    private static func spin(_ iterations: Int, seed: UInt64) {
        var x = seed
        for _ in 0..<iterations {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
        }
        sink.wrappingAdd(x, ordering: .relaxed)
    }
}
