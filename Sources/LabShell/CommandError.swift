/// A line the parser could not turn into a command, with where and why.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based column of the offending word, if known.
    public var column: Int?
    public var message: String
    /// A close command word or keyword, for "did you mean".
    public var suggestion: String?

    public init(_ message: String, column: Int? = nil, suggestion: String? = nil) {
        self.message = message
        self.column = column
        self.suggestion = suggestion
    }

    public var description: String {
        var s = message
        if let suggestion { s += " (did you mean '\(suggestion)'?)" }
        return s
    }
}

/// An error from executing a command, already worded for the learner.
public struct LabError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Edit distance, for suggestions.
enum Suggest {
    static func closest(to word: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        var best: (String, Int)?
        for c in candidates {
            // The distance is at least the length difference: a 4,096-character word costs nothing.
            guard abs(word.count - c.count) <= maxDistance else { continue }
            let d = distance(word.lowercased(), c.lowercased())
            if d <= maxDistance && (best == nil || d < best?.1 ?? .max) { best = (c, d) }
        }
        if best == nil, let prefixed = candidates.first(where: { $0.hasPrefix(word) && word.count >= 2 }) {
            return prefixed
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var prevPrev = prev
        for i in 1...a.count {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prevPrev[j - 2] + 1)  // a transposition counts once
                }
            }
            prevPrev = prev
            prev = cur
        }
        return prev[b.count]
    }
}
