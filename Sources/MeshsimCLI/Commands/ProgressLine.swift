import Dispatch
import Engine
import Foundation
import Reports
import Scenario

/// The line `run` keeps up to date on a terminal's stderr: simulated time, requests sent and
/// the wall-clock time left. Redrawn in place (`\r`) at most `redrawsPerSecond` times a
/// second, and erased when the run ends, so that only the final output stays.
struct ProgressLine {
    static let redrawsPerSecond = 4

    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64?
    private let sink: Console.Sink

    init(sink: @escaping Console.Sink = Self.write) {
        self.sink = sink
    }

    /// "building the world: services 4,000/10,000", before the run starts. Drawn at every
    /// call: they come a few hundred services apart, some tens in all.
    mutating func building(_ built: Int, of services: Int) {
        lastDrawn = DispatchTime.now().uptimeNanoseconds
        sink("\rbuilding the world: services \(CountText.grouped(built))/\(CountText.grouped(services))\u{1B}[K")
    }

    /// Redraws when the last redraw is old enough; the engine calls this every few tens of
    /// thousands of events.
    mutating func update(_ progress: RunProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let interval = 1_000_000_000 / UInt64(Self.redrawsPerSecond)
        guard now - (lastDrawn ?? started) >= interval else { return }
        lastDrawn = now
        let text = Self.render(
            simulated: progress.simulatedTime, duration: progress.duration, requests: progress.requests,
            elapsed: Double(now - started) / 1e9)
        // Erase to the end of the line: a shorter line would leave the longer one's tail.
        sink("\r" + text + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    func clear() {
        if lastDrawn != nil { sink("\r\u{1B}[K") }
    }

    /// "simulated 12.3 s of 60 s (20%), 1,234,567 requests, ETA 49 s". The estimate assumes
    /// the rest of the run goes at the pace so far; past `duration` the run drains what is
    /// in flight, which has no known end.
    static func render(simulated: Nanoseconds, duration: Nanoseconds, requests: Int, elapsed: Double) -> String {
        let fraction = duration > 0 ? min(1, max(0, Double(simulated) / Double(duration))) : 1
        let percent = Int((100 * fraction).rounded(.down))
        let seconds = NumberFormat.decimal(Double(simulated) / 1e9, places: 1)
        var text = "simulated \(seconds) s of \(NumberFormat.seconds(duration)) s (\(percent)%), \(CountText.grouped(requests)) requests"
        if simulated >= duration {
            text += ", draining"
        } else if simulated > 0, elapsed > 0 {
            text += ", ETA " + wallTime(elapsed * (1 - fraction) / fraction)
        }
        return text
    }

    /// Whole seconds, then minutes and seconds, then hours and minutes: "49 s", "2m 05s", "1h 02m".
    static func wallTime(_ seconds: Double) -> String {
        let whole = Int(min(seconds.rounded(.up), 1e9))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60)m " + twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h " + twoDigits(whole % 3600 / 60) + "m"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    @Sendable static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
