/// Shell wildcards within one path segment: `*` (any run), `?` (one character), `[abc]`,
/// `[a-z]` and `[!a]` (one character of, or not of, a set). Written here, not with the C
/// library's fnmatch, so that matching is the same on every platform.
enum GlobPattern {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let pattern = Array(pattern)
        let name = Array(name)
        // Iterative with one backtrack point for the last `*`: linear in practice, never recursive.
        var p = 0
        var n = 0
        var starP = -1
        var starN = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                starP = p
                starN = n
                p += 1
            } else if p < pattern.count, let (matched, width) = single(pattern, p, name[n]), matched {
                p += width
                n += 1
            } else if starP >= 0 {
                p = starP + 1
                starN += 1
                n = starN
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Whether the pattern element at `index` matches `character`, and how many pattern
    /// characters it spans; nil at a `*`.
    private static func single(_ pattern: [Character], _ index: Int, _ character: Character) -> (Bool, Int)? {
        switch pattern[index] {
        case "*": return nil
        case "?": return (true, 1)
        case "[":
            var i = index + 1
            let negated = i < pattern.count && (pattern[i] == "!" || pattern[i] == "^")
            if negated { i += 1 }
            var found = false
            var first = true
            while i < pattern.count, pattern[i] != "]" || first {
                first = false
                if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                    if pattern[i] <= character && character <= pattern[i + 2] { found = true }
                    i += 3
                } else {
                    if pattern[i] == character { found = true }
                    i += 1
                }
            }
            // An unclosed `[` is an ordinary character, as in the shell.
            guard i < pattern.count else { return (character == "[", 1) }
            return (found != negated, i - index + 1)
        default:
            return (pattern[index] == character, 1)
        }
    }
}
