import Engine

/// Appends OpenMetrics text to one string: family headers, then each series' samples in
/// time order. Label sets come in already escaped; each line's fixed part is built once
/// per series, so a point costs only its numbers.
struct OpenMetricsWriter {
    private(set) var text = ""
    /// The timestamp text of each sample time (`RunTelemetry.sampleTimes`).
    let timestamps: [String]

    init(timestamps: [String], capacity: Int) {
        self.timestamps = timestamps
        text.reserveCapacity(capacity)
    }

    /// `# TYPE`, `# UNIT` (when given) and `# HELP` of a family; `name` is the family's, without `_total`.
    mutating func family(_ name: String, type: String, unit: String? = nil, help: String) {
        text += "# TYPE \(name) \(type)\n"
        if let unit { text += "# UNIT \(name) \(unit)\n" }
        text += "# HELP \(name) \(help)\n"
    }

    /// One sample line: `NAME{LABELS} VALUE TIMESTAMP`.
    mutating func sample(_ name: String, labels: String, value: String, timestamp: String) {
        text += name
        if !labels.isEmpty { text += "{" + labels + "}" }
        text += " " + value + " " + timestamp + "\n"
    }

    /// A counter's samples (`name` ends in `_total`): `values[i]` at sample time `firstSample + i`.
    mutating func counter(_ name: String, labels: String, firstSample: Int, values: [UInt64]) {
        let head = labels.isEmpty ? name + " " : name + "{" + labels + "} "
        for (index, value) in values.enumerated() {
            guard let timestamp = timestamp(firstSample + index) else { break }
            text += head
            text += String(value)
            text += " "
            text += timestamp
            text += "\n"
        }
    }

    /// A histogram's samples: for each point, its cumulative `_bucket` lines (`le` from
    /// `bounds`, then `+Inf` = the count), `_count` and `_sum`. Points before `skipping` are left out.
    mutating func histogram(_ name: String, labels: String, bounds: [String], firstSample: Int, points: [HistogramPoint], skipping: Int = 0) {
        let separator = labels.isEmpty ? "" : ","
        let bucketHead = name + "_bucket{" + labels + separator + "le=\""
        let bucketHeads = (bounds + ["+Inf"]).map { bucketHead + $0 + "\"} " }
        let countHead = labels.isEmpty ? name + "_count " : name + "_count{" + labels + "} "
        let sumHead = labels.isEmpty ? name + "_sum " : name + "_sum{" + labels + "} "
        for (index, point) in points.enumerated().dropFirst(skipping) {
            guard let timestamp = timestamp(firstSample + index) else { break }
            let tail = " " + timestamp + "\n"
            for (bucket, head) in zip(point.buckets, bucketHeads.dropLast()) {
                text += head
                text += String(bucket)
                text += tail
            }
            let count = String(point.count)
            text += bucketHeads[bucketHeads.count - 1] + count + tail
            text += countHead + count + tail
            text += sumHead + OpenMetricsText.number(point.sum) + tail
        }
    }

    mutating func end() {
        text += "# EOF\n"
    }

    private func timestamp(_ index: Int) -> String? {
        timestamps.indices.contains(index) ? timestamps[index] : nil
    }
}
