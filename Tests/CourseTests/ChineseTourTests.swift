import Foundation
import LessonKit
import Testing

@testable import LabShell

/// A scripted tour of the lab in Chinese (every command's examples, every
/// view, the error classes, a bench report, a lesson), read line by line:
/// a line with an English word outside identifiers, numbers, file names and
/// quoted input fails; English added by a new feature shows up here at once.
@Suite struct ChineseTourTests {
    /// Words that are what the learner types or reads as code: commands, keywords,
    /// names, the settings' values and the formulas' functions.
    static let identifiers: Set<String> = {
        var words = Set(CommandTable.all.flatMap { [$0.name] + $0.aliases + $0.keywords })
        // The words of every usage line (`save EXPR to PATH`, `record FILE.md|stop`) are what the learner types.
        for spec in CommandTable.all {
            words.formUnion(spec.usage.split { !($0.isLetter || $0 == "_" || $0 == "-") }.map(String.init))
        }
        words.formUnion(ViewName.allCases.map(\.rawValue))
        words.formUnion([
            "fwd", "bwd", "both", "on", "off", "lang", "en", "zh", "per-gate", "hoisted", "fused",
            "tutorial", "pytorch", "zeros", "ones", "random", "correct", "draft", "seed", "repeat",
            "batch-first", "time-first", "batch_first", "precision", "threads", "variant", "mode",
            "tanh", "cat", "stack", "chunk", "flip", "dim", "dims", "torch", "nn", "LSTM", "LSTMLab",
            "lstmlab", "gate", "unit", "feature", "dir", "row", "index", "diagram", "spark", "heatmap",
            "prev", "gdb", "display", "out", "Tab", "Ctrl", "Ctrl-C", "Ctrl-D", "Ctrl-R", "Enter", "Xavier", "npy",
            "safetensors", "GFLOP", "TFLOP", "MiB", "PyTorch", "Markdown", "BiLSTM", "Linear",
            "sigmoid", "None", "linear", "weight", "bias", "class",
            // The brackets model's class names: data from its file, like a file name.
            "matched", "unmatched", "other", "sum", "relu", "softmax", "mean", "max", "min", "exp", "log",
            "GiB", "KiB", "TiB", "memory-limit", "compute-limit", "bytes", "ms", "BLAS", "OpenBLAS", "load_state_dict",
            "weights", "input",
            "init", "answer", "hint", "skip", "solution", "next", "back", "quit", "resume", "list",
            "play", "reset", "check", "help", "step", "show",
        ])
        return words
    }()

    /// The English words of `line` that are not identifiers: runs of two or more
    /// ASCII letters, outside quotes and not part of a name with `_`, digits, `.` or `/`.
    static func englishWords(_ line: String) -> [String] {
        // Quoted input ('…', "…") and what stands in brackets (shapes, indices: [out, in], w[:, 0..7]) is code.
        var unquoted = ""
        var quote: Character?
        var depth = 0
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "[" {
                depth += 1
            } else if ch == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                unquoted.append(ch)
            }
        }
        let tokens = unquoted.split { !($0.isASCII && ($0.isLetter || $0.isNumber || "_./-~".contains($0))) }
        return tokens.compactMap { raw -> String? in
            let token = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
            guard token.count >= 2, token.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            if identifiers.contains(token) { return nil }
            // Placeholders of usage lines (NAME, PATH, VALUE) and units (MFLOP) are written in capitals.
            if token.allSatisfy({ $0.isUppercase || $0 == "-" }) { return nil }
            // Single-letter algebra and shape names (B, T, D, H, h_f) pass; so do units like `x`.
            return token
        }
    }

    /// What a line showed, output then error, line by line (what the tours read).
    static func shown(_ r: LineResult) -> [String] {
        r.output.split(separator: "\n").map(String.init) + (r.error?.split(separator: "\n").map(String.init) ?? [])
    }

    /// The tour: every line's output and error, in order.
    static func tour() throws -> [String] {
        var lab = Lab(width: 100)
        lab.lessons.config = LessonConfig(root: CourseTests.root, language: "zh", progressURL: nil)
        var lines: [String] = []
        func run(_ line: String) { lines += shown(lab.handle(line)) }
        run("set lang zh")
        lines.append(lab.banner)
        lines.append(lab.keysHint)
        run("help")
        for spec in CommandTable.all { run("help \(spec.name)") }
        // Every command's examples that run without files or a lesson, on a fresh model each time.
        for spec in CommandTable.all where spec.scope == .anywhere && !["quit", "bench"].contains(spec.name) {
            for example in spec.examples where !example.contains("lang en") { run(example) }
            run("sizes B=3 T=5 D=8 H=16")
            run("init tutorial seed 0")
        }
        run("step 2")
        for view in ViewName.allCases {
            run("show \(view.rawValue)")
            run("heatmap \(view.rawValue)")
        }
        run("spark h_f b=0")
        run("diagram")
        run("info")
        run("bench 2,3,4,5 repeat 1")
        run("bench repeat 1")
        // A trained model with its head: every view, the prediction, the trace, ablation.
        for line in [
            "example brackets", "step", "show pred", "trace u=4 fwd b=0", "run", "show pred", "show logits",
            "heatmap logits", "trace u=4 bwd b=1", "set ablate bwd", "show pred", "set ablate none",
            "input set b=0 t=1 \"a\"", "input text \"(a)\" \"((b))\" \"ab\"", "run", "show x", "show y",
            "diagram", "spark h_f", "reset",
        ] {
            run(line)
        }
        // Layers and lengths: the stacked views, step lines and bench.
        for line in [
            "sizes B=3 T=5 D=8 H=16 L=2", "lengths 5,2,4", "step", "layer 1", "step 2", "show h_f", "show y",
            "show gates fwd", "print c_f", "print h_n", "trace u=0 fwd b=1", "diagram", "run", "show h_n",
            "bench repeat 1", "set packed off", "lengths none", "layer 0", "sizes L=1", "layer 3",
        ] {
            run(line)
        }
        // Expressions: values, variables and PyTorch's error classes.
        for line in [
            "print c_f", "print W_ih_f @ x", "print c_ff", "print x[9]", "print x[0, 0, :].sum(dim=5)",
            "print h_f + W_hh_f", "print (1 +", "print )", "print x[0", "let W = zeros(2, 3)", "vars",
            "let W = W + 1", "unlet W", "unlet W", "let 3 = 1", "print", "let",
        ] {
            run(line)
        }
        // Files: missing, a folder, an empty file, the wrong kind.
        for line in [
            "load weights /nonexistent.safetensors", "load input /tmp", "load weights /dev/null",
            "load input /dev/null", "load head /nonexistent/x.safetensors", "save weights",
            "load input \(CourseTests.root.path)/zh/01-one-step.md",
        ] {
            run(line)
        }
        // Error classes: unknown words, bad numbers, ranges, not yet computed, limits, files, lessons.
        for bad in [
            "stpe", "step 0", "step fwd x", "show hf", "show h_f t=99", "set mode fusd", "set lang fr",
            "goto t=99", "sizes B=0", "sizes B=100000 T=100000", "load weights /nonexistent.safetensors",
            "load input /tmp", "next", "hint", "answer 3", "lesson play 99", "help stpe", "show y b=9",
            "spark W_ih_f", "watch h_f h_f h_f h_f h_f h_f h_f h_f h_f", "back 9", "'unterminated",
            "init", "init xavier", "input", "input ascii", "set", "set colour on", "set packed maybe",
            "step up", "goto", "goto t=x", "sizes", "sizes Q=3", "show", "trace", "trace u=99 fwd b=0",
            "lesson", "lesson plya", "lesson play", "bench 1,2", "bench repeat", "step 99", "back",
            "unwatch h_f", "set precision 99", "set threads 0", "input set b=0 t=0 \"a\"",
            "input text", "input text \"\"", "input text \"ab\" alphabet \"abc\"", "input text \"x\" pad \"yy\"",
            "logits", "show logits", "show pred", "layer 2", "show h_n t=0",
            // The parser's own refusals of what follows a command word.
            "goto fwd", "show h_f zz", "let = 3", "let a =", "let a = (1", "show x[", "save x to", "save x",
        ] {
            run(bad)
        }
        run("reset")
        run("lesson list")
        run("lesson play 1")
        for word in ["hint", "answer 1", "answer ４", "next", "back", "skip", "solution", "next", "quit"] { run(word) }
        return lines
    }

    /// A line with its numbers as `#`, so timings and sizes do not make new entries.
    static func pattern(_ line: String) -> String {
        var out = ""
        for ch in line {
            if ch.isASCII && ch.isNumber {
                if out.last != "#" { out.append("#") }
            } else {
                out.append(ch)
            }
        }
        return out
    }

    @Test func noEnglishInTheTour() throws {
        var english: [String] = []
        for line in try Self.tour() where !Self.englishWords(line).isEmpty {
            let p = Self.pattern(line) + "    ← " + Self.englishWords(line).joined(separator: " ")
            if !english.contains(p) { english.append(p) }
        }
        #expect(english.isEmpty, "English in the zh tour (numbers as #):\n\(english.joined(separator: "\n"))")
    }

    @Test func everyCommandHasChineseHelp() {
        for spec in CommandTable.all {
            #expect(CommandTable.chineseSummaries[spec.name] != nil, "no Chinese help line for '\(spec.name)'")
        }
    }

    @Test func theDetectorSeesEnglishAndPassesIdentifiers() {
        #expect(Self.englishWords("unknown command 'stpe'") == ["unknown", "command"])
        #expect(Self.englishWords("前向第 2/5 步之后的隐藏状态（= h_f[1]）").isEmpty)
        #expect(Self.englishWords("来源：z = x_t·W_ih_fᵀ + b_ih_f（fused），用 chunk(4, dim=1) 分成").isEmpty)
        #expect(Self.englishWords("从 /tmp/w.safetensors 载入").isEmpty)
        #expect(Self.englishWords("input random（seed 0，接在 init 之后）").isEmpty)
    }
}
