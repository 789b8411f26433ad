extension Scenario {
    /// Where a top-level key is written; the decoder records it, and the start of the file
    /// stands in when it did not.
    func location(ofSection key: String) -> SourceLocation {
        if let location = sectionLocations[key] ?? sectionLocations["duration"] {
            return location
        }
        let file = clients.first?.location.file ?? services.first?.location.file ?? ""
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
