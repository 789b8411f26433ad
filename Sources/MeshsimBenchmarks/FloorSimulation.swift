import Engine

/// The engine floor: the least a discrete-event simulator must do to run an M/M/c queue.
/// A heap of value events, one random stream, c servers and a FIFO queue; nothing else.
/// meshsim's engine is measured against this loop, built in the same release build.
struct FloorSimulation {
    let model: MMcModel
    let seed: UInt64

    /// Simulates until `customers` have entered service, timing the whole run.
    func run(customers: Int) -> MMcModel.Run {
        let (mean, seconds) = Stopwatch.time { simulate(customers: customers) }
        return MMcModel.Run(customers: customers, meanSojourn: mean, seconds: seconds)
    }

    /// The mean time in system of the first `customers` to enter service. A customer's time
    /// in system is known when service starts (wait so far plus its service time), so a
    /// departure needs no payload: it only frees a server.
    private func simulate(customers: Int) -> Double {
        var random = RandomStream(seed: seed)
        var events = FloorEventHeap(capacity: model.servers + 2)
        var waiting = FIFOQueue(capacity: 1024)
        var seq: UInt64 = 0
        var busy = 0
        var started = 0
        var totalSojourn = 0.0
        let meanInterarrival = 1 / model.arrivalRate

        func schedule(_ kind: FloorEvent.Kind, at time: Double) {
            events.push(FloorEvent(time: time, seq: seq, kind: kind))
            seq &+= 1
        }
        func serve(arrivedAt arrival: Double, now: Double) {
            let service = random.nextExponential(mean: model.meanService)
            totalSojourn += now - arrival + service
            started += 1
            busy += 1
            schedule(.departure, at: now + service)
        }

        schedule(.arrival, at: random.nextExponential(mean: meanInterarrival))
        while started < customers, let event = events.pop() {
            switch event.kind {
            case .arrival:
                schedule(.arrival, at: event.time + random.nextExponential(mean: meanInterarrival))
                if busy < model.servers {
                    serve(arrivedAt: event.time, now: event.time)
                } else {
                    waiting.append(event.time)
                }
            case .departure:
                busy -= 1
                if let arrival = waiting.popFirst() {
                    serve(arrivedAt: arrival, now: event.time)
                }
            }
        }
        return started == 0 ? 0 : totalSojourn / Double(started)
    }
}
