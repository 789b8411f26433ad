import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A Prometheus serving a TSDB folder (backfilled blocks) on 127.0.0.1 at a free port, for
/// the end-to-end metrics test: it answers instant queries until `stop()`, which the test
/// calls however it ends.
final class PrometheusServer {
    struct NoPort: Error {}

    private let process = Process()
    let port: Int

    /// Starts `prometheus` with no scrape targets over `storage`, keeping its blocks whatever
    /// their age (the default 15 days would delete a year-2000 run at once).
    init(storage: String, workspace: String) throws {
        port = try Self.freePort()
        let config = workspace + "/prometheus.yml"
        try "scrape_configs: []\n".write(toFile: config, atomically: true, encoding: .utf8)
        let log = workspace + "/prometheus.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = URL(fileURLWithPath: PrometheusTools.prometheus ?? "prometheus")
        process.arguments = [
            "--config.file=\(config)", "--storage.tsdb.path=\(storage)", "--storage.tsdb.retention.time=100y",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
        ]
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Waits for `/-/ready`; false when Prometheus exited or did not get ready in time.
    ///
    /// Blocking, not `async`: under the whole suite with AddressSanitizer on two cores, the
    /// tests that simulate held both of Swift Testing's threads for minutes, so an awaited
    /// answer resumed only after the deadline had passed. A blocked thread waits in real time.
    func waitUntilReady(seconds: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if get(url("/-/ready"), timeout: 2)?.status == 200 { return true }
            usleep(100_000)
        }
        return false
    }

    /// The value of a query whose answer is one sample at `time` (Unix seconds); nil when
    /// the answer is empty or not one number.
    func query(_ promql: String, at time: Int64) throws -> Double? {
        var components = URLComponents(string: url("/api/v1/query").absoluteString)
        components?.queryItems = [URLQueryItem(name: "query", value: promql), URLQueryItem(name: "time", value: String(time))]
        guard let address = components?.url, let data = get(address, timeout: 20)?.data else { return nil }
        guard let body = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let answer = body["data"] as? [String: Any], let result = answer["result"] as? [[String: Any]],
              result.count == 1, let value = result[0]["value"] as? [Any], value.count == 2, let text = value[1] as? String
        else { return nil }
        return Double(text)
    }

    /// One GET, waited for on this thread; nil when it failed.
    private func get(_ address: URL, timeout: Double) -> (data: Data, status: Int)? {
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        URLSession.shared.dataTask(with: URLRequest(url: address, timeoutInterval: timeout)) { data, response, _ in
            answer.value = data.map { ($0, (response as? HTTPURLResponse)?.statusCode ?? 0) }
            done.signal()
        }.resume()
        done.wait()
        return answer.value
    }

    /// The answer a session's thread hands over; the semaphore orders the write before the read.
    private final class Answer: @unchecked Sendable {
        var value: (data: Data, status: Int)?
    }

    private func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// A port no one listens on now: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw NoPort() }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socketFD, raw, length) == 0 && getsockname(socketFD, raw, &length) == 0
            }
        }
        guard bound else { throw NoPort() }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
