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

    /// Waits for `/-/ready`; false when Prometheus exited or did not get ready in time. Each
    /// ask gives up after 2 s (URLSession's default is 60 s): on two cores busy with the
    /// whole suite under AddressSanitizer one hung ask used up the deadline.
    func waitUntilReady(seconds: Double = 120) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if let (_, response) = try? await URLSession.shared.data(for: URLRequest(url: url("/-/ready"), timeoutInterval: 2)),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return true
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    /// The value of a query whose answer is one sample at `time` (Unix seconds); nil when
    /// the answer is empty or not one number.
    func query(_ promql: String, at time: Int64) async throws -> Double? {
        var components = URLComponents(string: url("/api/v1/query").absoluteString)
        components?.queryItems = [URLQueryItem(name: "query", value: promql), URLQueryItem(name: "time", value: String(time))]
        guard let address = components?.url else { return nil }
        let (data, _) = try await URLSession.shared.data(for: URLRequest(url: address, timeoutInterval: 20))
        guard let body = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let answer = body["data"] as? [String: Any], let result = answer["result"] as? [[String: Any]],
              result.count == 1, let value = result[0]["value"] as? [Any], value.count == 2, let text = value[1] as? String
        else { return nil }
        return Double(text)
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
