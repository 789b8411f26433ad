/// A VirtualService route's `fault`: a delay and an abort, each for a share of requests.
enum HTTPFaultDecoder {
    static func decode(_ reader: MappingReader) -> HTTPFault? {
        let delay = reader.mapping("delay").flatMap(Self.delay)
        let abort = reader.mapping("abort").flatMap(Self.abort)
        reader.finish()
        return HTTPFault(delay: delay, abort: abort)
    }

    /// A missing percentage means 0, as in Istio.
    private static func delay(_ reader: MappingReader) -> HTTPFault.Delay? {
        var fraction = reader.mapping("percentage").flatMap(HTTPRouteDecoder.percentage)
        // Istio's deprecated integer percent, used when `percentage` is absent.
        if let percent = reader.int("percent", 0...100), !reader.has("percentage") {
            fraction = Double(percent) / 100
        }
        let fixedDelay = reader.duration("fixedDelay", required: true)
        reader.finish(notSimulated: ProductFields.delayNotSimulated, product: "Istio")
        return fixedDelay.map { HTTPFault.Delay(fraction: fraction ?? 0, fixedDelay: $0) }
    }

    private static func abort(_ reader: MappingReader) -> HTTPFault.Abort? {
        let fraction = reader.mapping("percentage").flatMap(HTTPRouteDecoder.percentage)
        let status = reader.int("httpStatus", 200...599, required: !reader.keys.contains(where: ProductFields.abortNotSimulated.contains))
        reader.finish(notSimulated: ProductFields.abortNotSimulated, product: "Istio")
        return status.map { HTTPFault.Abort(fraction: fraction ?? 0, httpStatus: $0) }
    }
}
