import LSTMCore
import LabShell
import TensorExpr

/// Random expressions for the command fuzzer: trees built from the language's
/// own names, functions and methods, with hostile numbers, indices, keyword
/// arguments and nesting, printed as text (so the parser sees them too).
extension LineGenerator {
    static let expressionNames = [
        "x", "y", "h_n", "c_n", "h0", "c0", "W_ih_f", "W_hh_b", "b_ih_f", "b_hh_b",
        "gates_pre_f", "gates_b", "c_f", "h_b", "h_b_rev", "c_b_rev", "i_f", "o_b", "z_f",
        "z_b", "v1", "v2", "None", "True", "False", "torch", "F", "undefined_name",
    ]
    static let expressionNumbers = [
        "0", "1", "2", "3", "-1", "-2", "0.5", "1e-3", "1e30", "1e309", "-0", "4096",
        "99999999999999999999", "16777217", "2.", ".5", "3e", "0x10", "1_000",
    ]
    static let binaryOperators = ["+", "-", "*", "/", "//", "**", "@", "==", "!=", "<", "<=", ">", ">="]
    static let keywords = ["dim", "keepdim", "dims", "p", "other", "start_dim", "end_dim", "rtol", "atol", "bias", "x"]

    /// An expression of nesting at most `depth` more levels.
    mutating func expression(depth: Int = 4) -> String {
        if depth <= 0 || chance(25) { return expressionAtom() }
        let d = depth - 1
        switch below(10) {
        case 0, 1: return expression(depth: d) + " " + pick(Self.binaryOperators) + " " + expression(depth: d)
        case 2: return "-" + expression(depth: d)
        case 3:
            let prefix = pick(["", "", "torch.", "F.", "nn.", "torch.nn."])
            return prefix + pick(Functions.all + ["view", "item", "nope"]) + "(" + arguments(depth: d) + ")"
        case 4: return expression(depth: d) + "." + pick(Functions.methods + ["nope"]) + "(" + arguments(depth: d) + ")"
        case 5: return expression(depth: d) + "[" + indexItems(depth: d) + "]"
        case 6: return expression(depth: d) + "." + pick(Functions.properties + ["data", "grad"])
        case 7: return "[" + (0..<below(4)).map { _ in expression(depth: d) }.joined(separator: ", ") + "]"
        case 8: return "(" + expression(depth: d) + (chance(20) ? ", " + expression(depth: d) : "") + ")"
        default:
            return "(" + expression(depth: d) + ")" + pick(["", ".shape[0]", ".T", ".sum()", "[0]", "[..., None]"])
        }
    }

    mutating func expressionAtom() -> String {
        switch below(10) {
        case 0...4: return pick(Self.expressionNames)
        case 5...7: return chance(60) ? String(below(6)) : pick(Self.expressionNumbers)
        case 8: return pick(["arange(12).reshape(3, 4)", "zeros(2, 3)", "ones(4)", "eye(3)", "[[1, 2], [3, 4]]", "[]"])
        default: return chance(50) ? hostile() : junk(maxLength: 6)
        }
    }

    mutating func arguments(depth: Int) -> String {
        var parts: [String] = []
        for _ in 0..<below(4) { parts.append(chance(70) ? expression(depth: depth) : expressionAtom()) }
        if chance(40) {
            parts.append(pick(Self.keywords) + "=" + (chance(60) ? String(below(4) - 1) : expressionAtom()))
        }
        if chance(10) { parts.append(parts.last ?? "dim=0") }
        return parts.joined(separator: ", ")
    }

    mutating func indexItems(depth: Int) -> String {
        let forms = [
            "0", "-1", "1:3", ":", "::2", "::-1", "::0", "...", "None", "[0, 2]", "[True, False]", "5:",
            ":-1", "-99", "99", "1.5", "0, 0, 0, 0", ": , :",
        ]
        return (0..<(below(4) + 1)).map { _ in chance(70) ? pick(forms) : expression(depth: depth) }.joined(
            separator: ", ")
    }

    /// A command that takes an expression, with one.
    mutating func expressionLine() -> String {
        let e =
            chance(5)
            ? String(repeating: "(", count: 40 + below(60)) + "1" + String(repeating: ")", count: below(100))
            : chance(10) ? mutate(expression()) : expression()
        switch below(10) {
        case 0...3: return pick(["print ", "p "]) + e
        case 4: return "let " + pick(["v1", "v2", "x", "sum", "3v", "v1"]) + pick([" = ", "=", " == "]) + e
        case 5: return pick(["show ", "heatmap ", "spark "]) + e
        case 6: return chance(30) ? "watch " + e : pick(["unlet v1", "unlet v2", "vars", "unwatch"])
        case 7: return "save " + e + " to " + pick(writablePaths)
        default: return "print " + e
        }
    }
}
