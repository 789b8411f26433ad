/// The version every report names (report.html's header, a shard's manifest) and
/// `meshsim --version` prints: same scenario, seed and version, same report files.
public enum MeshsimVersion {
    public static let current = "0.1.0"
}
