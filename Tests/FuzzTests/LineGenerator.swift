import LSTMCore
import LabShell

/// Seeded generator of hostile command lines for the lab.
///
/// Every line is built from the command table (so new commands are fuzzed
/// without touching this file) and a pool of arguments no learner should be
/// able to crash the lab with:
///
/// ```
/// numbers   -1 0 huge 2^63 2^64 nan inf 1e3 0x10 fullwidth/Arabic digits
/// text      "" unterminated quotes, control characters, CJK, emoji, 5000-char words
/// keys      t= b= u= B= T= D= H= with all of the above after '='
/// paths     missing files, /nonexistent/…, folders, malformed files in a scratch folder
/// ```
/// Paths that a command writes to (`save weights`, `export`) are only ever taken
/// from `writablePaths`, so the fuzzer cannot overwrite anything outside its folder.
struct LineGenerator {
    var rng: SeededGenerator
    /// Files the lab may read: fixtures in the scratch folder plus missing and odd paths.
    var readablePaths: [String]
    /// Targets for `save weights` and `export`: inside the scratch folder or impossible.
    var writablePaths: [String]

    init(seed: UInt64, readablePaths: [String], writablePaths: [String]) {
        rng = SeededGenerator(seed: seed)
        self.readablePaths = readablePaths
        self.writablePaths = writablePaths
    }

    static let numbers = [
        "-1", "0", "1", "2", "3", "4", "5", "7", "16", "-0", "+1", "007", "1e3", "0x10", "1.5", "0.0", "-5",
        "4096", "16777216", "16777217", "2147483648", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999",
        "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e309", "٣", "１", "²",
    ]

    static let words = [
        "", "\"\"", "''", "\"unterminated", "'open", "a\"b", "\"a b\"", "'it''s'", "#comment", ";", "=", "==",
        "\t", "\u{0}", "\u{7}", "\u{1b}[31m", "\u{7f}", "\u{85}", "\u{2028}", "\u{200b}", "\u{feff}",
        "中文", "隐藏", "é", "e\u{301}", "🙂", "👨‍👩‍👧", "ﬀ", "İ", "\u{202e}gnp", "%s%n", "\\", "\\\"", "$(ls)", "`id`",
        "fwd", "bwd", "both", "start", "end", "seed", "repeat", "on", "off", "weights", "input", "h0", "c0",
        "B=", "T=", "D=", "H=", "t=", "b=", "u=", "t==1", "b=1=2", "x=1", "1,2,3,4", "1,2,3", ",,,", "1,1,1,1,1",
    ]

    /// Lines that move the session somewhere interesting (so later hostile lines
    /// meet stepped, finished, resized and reloaded states).
    static let driving = [
        "step", "step fwd", "step bwd 2", "run", "reset", "back", "back both 3", "goto end", "goto t=1 fwd",
        "goto t=0 bwd", "sizes B=2 T=3 D=2 H=3", "sizes B=1 T=1 D=1 H=1", "sizes T=7", "sizes B=3 T=5 D=8 H=16",
        "init pytorch", "init zeros seed 3", "init tutorial seed 0", "input ones", "input random seed 9",
        "set batch_first off", "set batch_first on", "set mode per-gate", "set mode hoisted", "set mode fused",
        "set variant draft", "set variant correct", "set precision 0", "set precision 10", "set precision 4",
        "watch h fwd", "watch gates b=0", "unwatch", "show y", "show h_n", "show gates_pre bwd t=0 b=0",
        "heatmap y b=0", "spark h_f u=0", "diagram", "info",
        "sizes L=2", "sizes L=3", "sizes L=1", "layer 1", "layer 2", "layer 0", "lengths 1,3", "lengths 2,1,3",
        "lengths 5,3,1", "lengths none", "set packed off", "set packed on", "show h_b_rev", "step bwd 9",
        "example brackets", "input text \"(()\" \"a(b)ab\"", "input text \"(\" \"()\" \"(a)b\" pad a",
        "input set b=0 t=0 \")\"", "print c_f_l1", "print h_b_rev_l0[:, 0]", "print y_l1[:, 2]", "spark c_b[:, 0, 1]",
        "trace u=0 bwd b=1", "heatmap h_b", "show h bwd t=2", "show logits b=0", "show pred", "bench repeat 1",
        "lesson list", "lesson play 1", "lesson play 9", "lesson play 13", "lesson resume", "lesson reset",
        "lesson reset 2",
        "next", "next", "", "hint", "skip", "solution", "answer 64", "answer [3, 5, 32]", "back", "quit",
    ]

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    mutating func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    /// A hostile number, sometimes a small valid one.
    mutating func number() -> String {
        chance(40) ? String(below(8)) : pick(Self.numbers)
    }

    mutating func hostile() -> String {
        switch below(10) {
        case 0...3: return number()
        case 4...7: return pick(Self.words)
        case 8: return pick(["t=", "b=", "u=", "B=", "T=", "D=", "H="]) + (chance(50) ? number() : pick(Self.words))
        default: return junk(maxLength: chance(5) ? 5000 : 12)
        }
    }

    /// A word of random characters from hostile alphabets.
    mutating func junk(maxLength: Int) -> String {
        let alphabets: [[Character]] = [
            Array("abcdefghijklmnopqrstuvwxyz_=,.-+0123456789"),
            Array("\"'#;= \t\\"),
            chance(20)
                ? (0..<32).compactMap { Unicode.Scalar($0).map(Character.init) } + ["\u{7f}"]
                : ["\u{85}", "\u{9b}", " "],
            Array("中文字符隐藏状态遗忘门输入输出"),
            Array("🙂🚀é\u{301}ß\u{200b}\u{feff}\u{202e}ﬀİ"),
        ]
        let n = below(maxLength + 1)
        var s = ""
        for _ in 0..<n { s.append(pick(pick(alphabets))) }
        return s
    }

    /// The arguments a command's own table entry suggests, mixed with hostile ones.
    mutating func argument(for spec: CommandSpec) -> String {
        if spec.takesPath && chance(35) {
            let writes = spec.name == "save" || spec.name == "export"
            return pick(writes ? writablePaths : readablePaths)
        }
        if !spec.keywords.isEmpty && chance(45) {
            let k = pick(spec.keywords)
            return k.hasSuffix("=") ? k + number() : k
        }
        return hostile()
    }

    /// One line. About a tenth drive the session with valid commands.
    mutating func line() -> String {
        switch below(20) {
        case 0, 1:
            return pick(Self.driving)
        case 2:
            return junk(maxLength: 60)
        case 3:
            return mutate(pick(Self.driving))
        case 5, 6:
            return shaped()
        case 7, 8:
            return expressionLine()
        case 4 where chance(10):
            // Around the length limit: accepted, refused.
            return "show " + String(repeating: chance(50) ? "x" : "中", count: Tokenizer.maxLineLength - 5 + below(3))
        default:
            var names = CommandTable.all.map(\.name) + CommandTable.aliases.keys.sorted()
            names.append(contentsOf: ["Step", "stepp", "", "中文", "!", "?"])
            let name = pick(names)
            let spec = CommandTable.spec(name)
            var parts = [name]
            let count = below(spec?.name == "watch" ? 8 : 5)
            for _ in 0..<count {
                parts.append(spec.map { argument(for: $0) } ?? hostile())
            }
            // Save/export take their path last; keep the write paths safe in that spot.
            if let spec, spec.name == "save" && chance(50) {
                parts = [name, expression(depth: 2), "to", pick(writablePaths)]
            } else if let spec, spec.name == "record" {
                parts = [name, chance(50) ? "stop" : pick(writablePaths)]
            } else if let spec, spec.name == "save" || spec.name == "export" {
                parts = spec.name == "save" ? [name, "weights", pick(writablePaths)] : [name, pick(writablePaths)]
                if chance(20) { parts.append(hostile()) }
            }
            return parts.joined(separator: pick([" ", " ", " ", "  ", "\t"]))
        }
    }

    /// Sizes the memory limit and the loops care about: small, at the edges, far past them.
    static let sizes = [
        "1", "2", "3", "5", "8", "16", "64", "100", "1000", "4096", "65536", "1048576",
        "16777216", "16777217", "0", "-1", "99999999999999999999",
    ]

    /// Well-formed commands with numbers that are valid, at the edges or far out of range.
    mutating func shaped() -> String {
        func key(_ k: String) -> String { k + "=" + (chance(70) ? pick(Self.sizes) : number()) }
        let views = ViewName.allCases.map(\.rawValue)
        var parts: [String]
        switch below(10) {
        case 0, 1:
            parts = ["sizes"]
            for k in ["B", "T", "D", "H"] where chance(60) { parts.append(key(k)) }
            if chance(25) { parts.append("L=" + (chance(70) ? String(below(10)) : pick(Self.sizes))) }
        case 2:
            parts = [pick(["step", "back"])]
            if chance(60) { parts.append(pick(["fwd", "bwd", "both"])) }
            if chance(70) { parts.append(pick(Self.sizes)) }
        case 3:
            parts = ["goto", chance(80) ? key("t") : pick(["start", "end"])]
            if chance(50) { parts.append(pick(["fwd", "bwd", "both"])) }
        case 4, 5, 6:
            parts = [pick(["show", "heatmap", "spark", "watch"]), pick(views)]
            if chance(40) { parts.append(pick(["fwd", "bwd"])) }
            for k in ["t", "b", "u"] where chance(35) { parts.append(key(k)) }
        case 7:
            if chance(50) {
                parts = ["load", pick(["input", "weights", "h0", "c0"]), pick(readablePaths)]
            } else {
                parts = ["set", pick(["precision", "threads"]), chance(50) ? String(below(12)) : number()]
            }
        case 8 where chance(30):  // bench is slow in a debug build: fewer of them
            parts = ["bench"]
            if chance(70) {
                parts.append(
                    (0..<4).map { _ in chance(60) ? String(below(4) + 1) : pick(Self.sizes) }.joined(separator: ","))
            }
            if chance(50) { parts += ["repeat", chance(70) ? String(below(3) + 1) : number()] }
        case 9 where chance(30):
            parts = [
                "lengths",
                chance(20)
                    ? "none"
                    : (0..<(below(4) + 1)).map { _ in
                        chance(70) ? String(below(6)) : pick(Self.sizes)
                    }.joined(separator: ","),
            ]
        default:
            parts = [pick(["init", "input"]), pick(["tutorial", "pytorch", "zeros", "random", "ones"])]
            if chance(60) { parts += ["seed", chance(50) ? String(below(100)) : number()] }
        }
        return parts.joined(separator: " ")
    }

    /// A valid line with one character inserted, removed or replaced.
    mutating func mutate(_ line: String) -> String {
        var chars = Array(line)
        let inserts: [Character] = ["\"", "'", "#", "=", "-", "9", "中", "\u{1}", " ", "\u{0}"]
        switch below(3) {
        case 0: chars.insert(pick(inserts), at: below(chars.count + 1))
        case 1 where !chars.isEmpty: chars.remove(at: below(chars.count))
        default: if !chars.isEmpty { chars[below(chars.count)] = pick(inserts) }
        }
        return String(chars)  // the driving lines write nothing, so neither can a mutation
    }
}
