import Engine

/// Ejection and un-ejection markers from eject/uneject events, and from Kong's
/// kong_unhealthy/kong_healthy (a gateway replica taking a target out of its balancer is
/// the same kind of ejection, by a Kong caller). An event names an instance
/// (`SERVICE/VERSION/REPLICA`, as the engine names servers) and the caller that ejected it;
/// a marker sits at the number of that version's instances ejected by at least one caller
/// right after the event, the count the `ejected` column samples at interval ends.
enum EjectionMarkers {
    /// Only the markers of the versions `drawn` keeps (a chart past `ShownScopes.threshold`
    /// draws a few versions of thousands).
    static func markers(_ events: [EventRecord], drawn: (String) -> Bool = { _ in true }) -> [ChartMarker] {
        var callers: [String: Int] = [:]
        var ejected: [String: Int] = [:]
        var markers: [ChartMarker] = []
        for event in events {
            let version = versionName(ofInstance: event.target)
            let before = callers[event.target] ?? 0
            let ejects = Self.ejects(event.kind)
            let after = ejects ? before + 1 : max(before - 1, 0)
            callers[event.target] = after
            if before == 0, after > 0 { ejected[version, default: 0] += 1 }
            if before > 0, after == 0 { ejected[version, default: 0] -= 1 }
            guard drawn(version) else { continue }
            markers.append(ChartMarker(
                x: TimeAxis.seconds(event.time), y: Double(ejected[version] ?? 0), kind: ejects ? .eject : .uneject,
                label: "\(event.kind) \(event.target) at \(NumberFormat.seconds(event.time)) s: \(event.detail)"))
        }
        return markers
    }

    /// The events that change who ejects an instance.
    static let kinds: Set<String> = ["eject", "uneject", "kong_unhealthy", "kong_healthy"]

    private static func ejects(_ kind: String) -> Bool {
        kind == "eject" || kind == "kong_unhealthy"
    }

    /// `orders/v2/3` → `orders/v2`, the version scope's name; a name without a replica stays.
    static func versionName(ofInstance instance: String) -> String {
        guard let slash = instance.lastIndex(of: "/"), instance[..<slash].contains("/") else { return instance }
        return String(instance[..<slash])
    }
}
