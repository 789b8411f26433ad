/// The randomness a policy may ask for. Policies are generic over it (never an existential),
/// so the simulation passes its seeded per-entity streams and tests pass scripted draws.
public protocol RandomSource {
    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double
    /// Uniform in 0..<n, for n > 0.
    mutating func nextInt(below n: Int) -> Int
}
