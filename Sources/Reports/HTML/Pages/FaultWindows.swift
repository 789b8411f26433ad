import Engine

/// The fault windows of a run, from its fault_start and fault_end events: each start paired
/// with the next end of the same fault; a start without an end lasts to the run's end.
enum FaultWindows {
    static func windows(_ events: [EventRecord], runEnd: Double) -> [ChartWindow] {
        var windows: [ChartWindow] = []
        var open: [(name: String, start: Double)] = []
        for event in events {
            let time = TimeAxis.seconds(event.time)
            if event.kind == "fault_start" {
                open.append((event.target, time))
            } else if event.kind == "fault_end", let index = open.firstIndex(where: { $0.name == event.target }) {
                windows.append(ChartWindow(label: "fault " + event.target, from: open[index].start, to: time))
                open.remove(at: index)
            }
        }
        windows += open.map { ChartWindow(label: "fault " + $0.name, from: $0.start, to: runEnd) }
        return windows.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }
}
