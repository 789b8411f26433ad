extension Sequence where Element == Diagnostic {
    /// Sorted by file, line and column, each diagnostic once; findings at one place keep the
    /// order they were found in (checks report some only after reading a whole section, and
    /// versions that inherit one call would report it once per version).
    public func inFileOrder() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            return (a.file, a.line, a.column, left.offset) < (b.file, b.line, b.column, right.offset)
        }.map(\.element)
    }
}
