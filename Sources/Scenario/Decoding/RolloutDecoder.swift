/// `rollout:`: a Flagger analysis, optionally driven by Argo Rollouts-style `steps`.
enum RolloutDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> Rollout? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let service = reader.nonEmptyString("service", required: true)
        let stable = reader.nonEmptyString("stable", required: true)
        let canary = reader.nonEmptyString("canary", required: true)
        let start = reader.duration("start")
        let steps = reader.read("steps") { node, path in
            ScenarioDecoder.nonEmptyList(node, path, reader.values) { step($0, path: $1, context: context) }
        }
        let analysis = reader.mapping("analysis", required: true).flatMap { AnalysisDecoder.decode($0, withSteps: reader.has("steps")) }
        reader.finish()
        if let stable, stable == canary, let canaryNode = reader.node("canary") {
            context.error("\(reader.path("canary")) must differ from stable ('\(stable)')", at: canaryNode.location)
        }
        guard let service, let stable, let canary, let analysis else { return nil }
        return Rollout(
            service: service, stable: stable, canary: canary, start: start ?? 0, analysis: analysis,
            steps: steps ?? [], location: node.location
        )
    }

    /// `setWeight: N` or `pause: { duration: D }` (`pause: {}` waits forever).
    private static func step(_ node: YAMLNode, path: String, context: DecodeContext) -> Rollout.Step? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let weight = reader.int("setWeight", 0...100)
        let pause = reader.read("pause") { node, path in pauseDuration(node, path: path, context: context) }
        let isPause = reader.keys.contains("pause")
        reader.finish(notSimulated: ProductFields.argoStepNotSimulated, product: "Argo Rollouts")
        let written = ["setWeight", "pause"].filter { reader.keys.contains($0) }
        guard written.count == 1 else {
            if written.count > 1 || reader.keys.isEmpty {
                context.error("\(path) must be either setWeight: N or pause: { duration: D }", at: node.location)
            }
            return nil
        }
        if isPause {
            // `pause:` written empty waits forever, like `pause: {}`.
            return reader.has("pause") ? pause.map(Rollout.Step.pause) : .pause(nil)
        }
        return weight.map(Rollout.Step.setWeight)
    }

    /// nil inside: an indefinite pause. Argo also accepts a bare number of seconds.
    private static func pauseDuration(_ node: YAMLNode, path: String, context: DecodeContext) -> Nanoseconds?? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let duration = reader.read("duration") { node, path -> Nanoseconds? in
            if case .scalar(let text, _) = node.value, let seconds = Int64(text), seconds >= 0, seconds < Int64.max / 1_000_000_000 {
                return seconds * 1_000_000_000
            }
            return reader.values.duration(node, path)
        }
        reader.finish()
        if reader.has("duration"), duration == nil { return nil }
        return .some(duration)
    }
}
