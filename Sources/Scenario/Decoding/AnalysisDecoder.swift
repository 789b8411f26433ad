/// `rollout.analysis`: Flagger's analysis block.
enum AnalysisDecoder {
    static func decode(_ reader: MappingReader, withSteps: Bool) -> Rollout.Analysis? {
        let context = reader.context
        let values = reader.values
        let interval = reader.duration("interval", .atLeast(1_000_000_000))
        let threshold = reader.int("threshold", 0...Int.max, required: true)
        let stepWeight = reader.int("stepWeight", 1...100)
        let stepWeights = reader.read("stepWeights") { node, path -> [Int]? in
            guard let items = values.sequence(node, path) else { return nil }
            guard !items.isEmpty else {
                values.fail(path, "must list at least one weight", at: node)
                return nil
            }
            let weights = items.enumerated().map { values.int($1, "\(path)[\($0)]", 1...100) }
            guard !weights.contains(nil) else { return nil }
            // Flagger moves to the next listed weight only when it is higher: a list that does
            // not rise would stall the rollout for ever.
            for index in 1..<max(items.count, 1) where (weights[index] ?? 0) <= (weights[index - 1] ?? 0) {
                values.fail("\(path)[\(index)]", "must be higher than the weight before it (\(weights[index - 1] ?? 0)): Flagger never moves to a weight that does not rise", at: items[index])
                return nil
            }
            return weights.compactMap { $0 }
        }
        let maxWeight = reader.int("maxWeight", 1...100)
        let metrics = reader.read("metrics") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in metric(item, path: itemPath, context: context) }
        }
        reader.finish(noEffect: ProductFields.analysisNoEffect)

        let progression = ["stepWeight", "stepWeights", "maxWeight"].filter(reader.has)
        if withSteps, let first = progression.first {
            context.error("\(reader.path(first)) cannot be used with rollout.steps, which set the weights instead", at: reader.location(of: first))
            return nil
        }
        if reader.has("stepWeight"), reader.has("stepWeights") {
            context.error("\(reader.path) must have only one of stepWeight or stepWeights", at: reader.location(of: "stepWeights"))
            return nil
        }
        if !withSteps, !reader.has("stepWeight"), !reader.has("stepWeights") {
            context.error("\(reader.path) needs stepWeight or stepWeights (or rollout.steps)", at: reader.location)
            return nil
        }
        var resolvedMaxWeight = maxWeight ?? 100
        if let last = stepWeights?.last {
            // Flagger stops at the last of stepWeights; maxWeight is not read then.
            resolvedMaxWeight = last
            if reader.has("maxWeight") {
                context.warning("\(reader.path("maxWeight")) has no effect with stepWeights (the last step weight is the maximum)",
                                at: reader.location(of: "maxWeight"))
            }
        }
        guard let threshold else { return nil }
        return Rollout.Analysis(
            // Flagger reads a threshold of 0 as 1; Argo's failureLimit (with steps) takes 0 as written.
            interval: interval ?? 60_000_000_000, threshold: withSteps ? threshold : max(threshold, 1),
            stepWeight: stepWeight, stepWeights: stepWeights ?? [], maxWeight: resolvedMaxWeight, metrics: metrics ?? []
        )
    }

    /// A builtin Flagger metric with its `thresholdRange` (or the deprecated single `threshold`).
    private static func metric(_ node: YAMLNode, path: String, context: DecodeContext) -> Rollout.Metric? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let name = reader.choice("name", Rollout.Metric.Name.self, required: true)
        let range: ClosedRange<Double> = name == .requestSuccessRate ? 0...100 : 0...Double.greatestFiniteMagnitude
        let bounds = reader.mapping("thresholdRange").map { bounds -> (Double?, Double?) in
            let min = bounds.number("min", range)
            let max = bounds.number("max", range)
            bounds.finish()
            if !bounds.has("min"), !bounds.has("max") {
                context.error("\(bounds.path) needs min or max", at: bounds.location)
            }
            if let min, let max, min > max {
                context.error("\(bounds.path).min must not exceed max", at: bounds.location)
            }
            return (min, max)
        }
        // Flagger's deprecated form: a minimum success rate, or a maximum duration.
        let threshold = reader.number("threshold", range)
        reader.finish(noEffect: ProductFields.metricNoEffect, notSimulated: ProductFields.metricNotSimulated, product: "Flagger")
        guard let name else { return nil }
        if let (min, max) = bounds {
            return Rollout.Metric(name: name, min: min, max: max, location: node.location)
        }
        guard let threshold else {
            if !reader.has("threshold") {
                context.error("\(reader.path("thresholdRange")) is required", at: reader.location)
            }
            return nil
        }
        return name == .requestSuccessRate
            ? Rollout.Metric(name: name, min: threshold, location: node.location)
            : Rollout.Metric(name: name, max: threshold, location: node.location)
    }
}
