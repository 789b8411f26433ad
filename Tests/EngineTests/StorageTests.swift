@testable import Engine
import Testing

/// The engine's storage types against plain Swift models: a FIFO against an array used as a
/// queue, a slab against the rules its records rely on (stable indices, reused slots, tokens
/// that go stale).
@Suite struct StorageTests {
    @Test func fifoMatchesAnArrayQueueAcrossWrapsAndGrowth() {
        var rng = RandomStream(seed: 7)
        var fifo = FIFO<Int>()
        var model: [Int] = []
        var next = 0
        // Bursts of pushes and pops of random length make the ring wrap at every size it grows to.
        for _ in 0..<2_000 {
            for _ in 0..<rng.nextInt(below: 40) {
                fifo.push(next)
                model.append(next)
                next += 1
            }
            for _ in 0..<rng.nextInt(below: 40) {
                #expect(fifo.first == model.first)
                #expect(fifo.pop() == (model.isEmpty ? nil : model.removeFirst()))
            }
            #expect(fifo.count == model.count)
        }
        while let value = fifo.pop() { #expect(value == model.removeFirst()) }
        #expect(model.isEmpty && fifo.isEmpty && fifo.first == nil)
    }

    private struct Record: SlabRecord {
        var token: UInt32 = 0
        var live = false
        var value = 0
    }

    @Test func slabReusesFreedSlotsWithAFreshToken() {
        var slab = Slab<Record>()
        let a = slab.insert(Record(value: 1))
        let b = slab.insert(Record(value: 2))
        #expect((a, b) == (0, 1) && slab.liveCount == 2)
        let staleToken = slab[a].token
        slab.remove(a)
        #expect(!slab[a].live && slab[a].token != staleToken && slab.liveCount == 1)
        // The freed slot comes back, under a token no earlier holder of the slot has seen.
        let c = slab.insert(Record(value: 3))
        #expect(c == a && slab[c].live && slab[c].value == 3)
        #expect(slab[c].token == staleToken &+ 2)
        #expect(slab[b].value == 2 && slab.liveCount == 2 && slab.indices == 0..<2)
    }

    @Test func slabKeepsRecordsInPlaceWhileItGrows() {
        var slab = Slab<Record>()
        for value in 0..<1_000 { _ = slab.insert(Record(value: value)) }
        for index in stride(from: 0, to: 1_000, by: 2) { slab.remove(Int32(index)) }
        // The even slots were freed; the odd ones kept their records in place while the slab grew.
        #expect(slab.indices.allSatisfy { slab[$0].live == ($0 % 2 == 1) })
        for index in slab.indices where slab[index].live { #expect(slab[index].value == Int(index)) }
        #expect(slab.liveCount == 500)
        // 500 inserts fill the 500 freed slots before the slab grows again.
        for value in 1...500 { _ = slab.insert(Record(value: -value)) }
        #expect(slab.indices.count == 1_000 && slab.liveCount == 1_000)
        #expect(stride(from: 0, to: 1_000, by: 2).allSatisfy { slab[Int32($0)].value < 0 })
    }

    @Test func denseTableHoldsWhatWasAppended() {
        var table = DenseTable<String>(reservingCapacity: 1)
        for index in 0..<100 { table.append("s\(index)") }
        table[Int32(7)] += "!"
        #expect(table.count == 100 && table[7] == "s7!" && table[99] == "s99")
        #expect(table.contains { $0 == "s42" } && !table.contains { $0 == "s100" })
    }

    @Test func aHugeReservationIsClampedAndTheTableGrowsAsElementsArrive() {
        // A reservation from input (Int.max elements) would overflow its size in bytes.
        var table = DenseTable<Int>(reservingCapacity: .max)
        #expect(table.capacity == StorageGrowth.maximumReservation)
        for index in 0..<100_000 { table.append(index) }
        #expect(table.count == 100_000 && table[99_999] == 99_999 && table[65_536] == 65_536)
        #expect(table.capacity == 2 * StorageGrowth.maximumReservation)
        #expect(DenseTable<Int>(reservingCapacity: -5).capacity == 1)
    }

    @Test func growthDoublesWithinWhatAnIntCanAddress() {
        #expect(StorageGrowth.doubled(64, stride: 8) == 128)
        #expect(StorageGrowth.doubled(0, minimum: 16, stride: 8) == 16)
        // 2^59 elements of 8 bytes is 2^62 bytes: it fits, and 2^60 of them would not.
        #expect(StorageGrowth.doubled(1 << 58, stride: 8) == 1 << 59)
    }

    @Test func growthPastIntStopsWithAMessageInsteadOfWrapping() async {
        await #expect(processExitsWith: .failure) {
            _ = StorageGrowth.doubled(1 << 60, stride: 8)
        }
        await #expect(processExitsWith: .failure) {
            _ = StorageGrowth.doubled(Int.max / 2 + 1, stride: 1)
        }
    }
}
