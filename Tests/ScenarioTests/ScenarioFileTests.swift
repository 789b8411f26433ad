import Foundation
import Testing
@testable import Scenario

/// A scenario path that is not a readable UTF-8 file says why, and where (issue 16: a
/// directory or /dev/null said "cannot read the file as UTF-8 text", a bad byte on line 6 was
/// reported at 1:1).
final class ScenarioFileTests {
    private let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-file-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    private func onlyError(_ path: String) -> String? {
        let loaded = ScenarioLoader.load(path: path)
        #expect(loaded.scenario == nil)
        return loaded.diagnostics.count == 1 ? loaded.diagnostics[0].description : nil
    }

    @Test func aDirectoryIsNamedAsSuch() {
        let path = folder.path
        #expect(onlyError(path) == "\(path):1:1: error: is a directory, not a scenario file")
    }

    @Test func aDeviceIsNotARegularFile() {
        #expect(onlyError("/dev/null") == "/dev/null:1:1: error: is not a regular file (a device, pipe or socket cannot be a scenario)")
    }

    @Test func anEmptyFileIsNamedAsSuch() {
        let path = write("empty.yaml", [])
        #expect(onlyError(path) == "\(path):1:1: error: is empty; a scenario needs at least name, duration, clients and services")
    }

    @Test func aFileOverThirtyTwoMebibytesIsRefusedBeforeItIsRead() {
        let path = write("huge.yaml", Array(repeating: UInt8(ascii: "#"), count: (32 << 20) + 1))
        #expect(onlyError(path) == "\(path):1:1: error: is 33,554,433 bytes, more than the 33,554,432 (32 MiB) a scenario file may have")
    }

    @Test func aMissingFileIsNamedAsSuch() {
        let path = folder.appendingPathComponent("absent.yaml").path
        #expect(onlyError(path) == "\(path):1:1: error: no such file")
    }

    @Test func anInvalidByteIsReportedAtItsLineAndColumn() {
        // Line 6 is "  b", then 0xFF: column 4. CRLF counts as one break, é as one column.
        let text = Array("name: t\r\nduration: 1s\nclients: []\nservices:\n  é: {}\n  b".utf8) + [0xFF] + Array("c: {}\n".utf8)
        let path = write("bad.yaml", text)
        #expect(onlyError(path) == "\(path):6:4: error: byte 0xFF is not UTF-8 text; save the file as UTF-8")
    }

    @Test func aTruncatedSequenceIsReportedWhereItStarts() {
        // "a: é" then the first byte of another é with nothing after it: column 5.
        let path = write("cut.yaml", Array("a: é".utf8) + [0xC3])
        #expect(onlyError(path) == "\(path):1:5: error: byte 0xC3 is not UTF-8 text; save the file as UTF-8")
    }
}
