import TensorExpr

/// What Tab offers inside an expression: the session's names, the
/// functions, `torch.`/`F.` functions after those prefixes and a tensor's
/// methods and attributes after any other `.`. Readline breaks words only at
/// spaces, so each candidate repeats what comes before the name being typed
/// (`sigmoid(c_` → `sigmoid(c_f`, `sigmoid(c_b`, …).
public enum ExpressionCompletion {
    public static func candidates(for word: String, variables: [String] = []) -> [String] {
        let chars = Array(word)
        var start = chars.count
        while start > 0,
            chars[start - 1] == "_" || chars[start - 1] == "."
                || (chars[start - 1].isASCII
                    && (chars[start - 1].isLetter || chars[start - 1].isNumber))
        {
            start -= 1
        }
        let head = String(chars[..<start])
        let tail = String(chars[start...])
        if let dot = tail.lastIndex(of: ".") {
            let object = String(tail[..<dot])
            let partial = String(tail[tail.index(after: dot)...])
            let pool = Functions.modules.contains(object) ? Functions.all : Functions.methods + Functions.properties
            return pool.filter { $0.hasPrefix(partial) }.map { head + object + "." + $0 }
        }
        let pool = SessionEnvironment.builtIns + variables + Functions.all + Functions.modules
        let lower = tail.lowercased()
        return pool.filter { $0.lowercased().hasPrefix(lower) }.map { head + $0 }
    }
}
