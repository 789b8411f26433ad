/// Envoy's `previous_hosts` retry host predicate with `host_selection_retry_max_attempts: 5`,
/// as Istio configures every route unless its load balancer is a consistent hash (then a
/// retry may land on the same host): a retry's host is picked again while it is one already
/// tried, up to `maxRepicks` more times; when every pick was tried before, the last one is
/// used anyway (Envoy's `chooseHost` loop).
public enum PreviousHosts {
    /// Istio's `HostSelectionRetryMaxAttempts`.
    public static let istioMaxRepicks = 5

    /// Calls `pick` at most 1 + `maxRepicks` times; allocates nothing itself.
    public static func pick(avoiding tried: some Collection<Int>, maxRepicks: Int = istioMaxRepicks, _ pick: () -> Int) -> Int {
        var host = pick()
        var repicks = 0
        while repicks < maxRepicks, tried.contains(host) {
            host = pick()
            repicks += 1
        }
        return host
    }
}
