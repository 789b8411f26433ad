/// How large metrics.om grows, estimated as the run goes, so that a run whose file would be
/// absurd stops at the first interval that shows it instead of being killed for its memory
/// when the text is built (`RunLimits.metricsBytes`).
extension TelemetryRecorder {
    /// Bytes of one sample line, measured on canary-healthy's metrics.om: an Istio line with
    /// its 24 labels is about 880, a Kong line about 110. Long names make lines longer, so
    /// this errs towards letting a run through.
    static let meshLineBytes = 880.0
    static let gatewayLineBytes = 110.0

    /// Series seen so far: each mesh label set, each Kong count, each route's two histograms.
    var series: Int { mesh.keys.count + gateway.keys.count + 2 * gateway.latencyRoutes.count }

    /// The lines one sample of every series so far adds: a histogram point has a line per
    /// bound, `+Inf`, `_count` and `_sum`.
    var bytesPerSample: Double {
        let meshLines = Double(mesh.keys.count * (MeshTelemetryRecorder.bounds.count + 3))
        let gatewayLines = Double(gateway.keys.count + 2 * gateway.latencyRoutes.count * (GatewayTelemetryRecorder.bounds.count + 3))
        return meshLines * Self.meshLineBytes + gatewayLines * Self.gatewayLineBytes
    }

    /// The bytes sampled so far plus a sample of every series known now at each of the
    /// `samples - sampleTimes.count` interval ends to come: a lower bound of the file.
    func projectedBytes(samples: Int) -> Double {
        sampledBytes + bytesPerSample * Double(max(samples - sampleTimes.count, 0))
    }
}
