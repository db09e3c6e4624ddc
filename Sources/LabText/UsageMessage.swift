/// `lstmlab`'s refusals of its own command line (exit status 2), and the lines
/// around them. The flags are what the learner types and stay as they are.
public enum UsageMessage: Localized, Equatable {
    case memoryLimitRange(max: Int)
    case computeLimitRange(max: Int)
    case threadsRange(max: Int)
    case paceRange(max: Int)
    case lessonRange(max: Int)
    case commandsOrFile
    case lessonWithScript
    case lessonFlagsAlone
    case autoAndPresent
    case langValue(word: String)
    /// The argument parser's own refusals, as it reports them (`'--bogus'`, `'--lang <en|zh>'`).
    case unknownOption(word: String)
    case missingValue(flag: String)
    case unexpectedArgument(word: String)
    case invalidValue(value: String, flag: String)
    /// What follows the refusal: the usage line and where the help is.
    case seeHelp

    public var english: String {
        switch self {
        case .memoryLimitRange(let max): "--memory-limit must be from 1 to \(max) MiB"
        case .computeLimitRange(let max): "--compute-limit must be from 1 to \(max) GFLOP"
        case .threadsRange(let max): "--threads must be from 1 to \(max)"
        case .paceRange(let max): "--pace must be from 0 to \(max) seconds per character"
        case .lessonRange(let max): "--lesson must be from 1 to \(max)"
        case .commandsOrFile: "give either -c or FILE, not both"
        case .lessonWithScript: "--lesson cannot be combined with -c or FILE"
        case .lessonFlagsAlone: "--auto, --pace and --present go with --lesson N"
        case .autoAndPresent: "--auto and --present exclude each other: --present waits for a key, --auto never does"
        case .langValue(let w): "--lang must be en or zh, got '\(w)'"
        case .unknownOption(let w): "Unknown option \(w)"
        case .missingValue(let f): "Missing value for \(f)"
        case .unexpectedArgument(let w): "Unexpected argument \(w)"
        case .invalidValue(let v, let f): "The value \(v) is invalid for \(f)"
        case .seeHelp: "Usage: lstmlab [<options>] [<FILE>]\n  See 'lstmlab --help' for more information."
        }
    }

    public var chinese: String {
        switch self {
        case .memoryLimitRange(let max): "--memory-limit 必须在 1 到 \(max) MiB 之间"
        case .computeLimitRange(let max): "--compute-limit 必须在 1 到 \(max) GFLOP 之间"
        case .threadsRange(let max): "--threads 必须在 1 到 \(max) 之间"
        case .paceRange(let max): "--pace 必须在 0 到 \(max) 之间（每个字符的秒数）"
        case .lessonRange(let max): "--lesson 必须在 1 到 \(max) 之间"
        case .commandsOrFile: "-c 和 FILE 只能给一个"
        case .lessonWithScript: "--lesson 不能和 -c 或 FILE 一起用"
        case .lessonFlagsAlone: "--auto、--pace 和 --present 要和 --lesson N 一起用"
        case .autoAndPresent: "--auto 和 --present 不能同时用：--present 每一步都等按键，--auto 从不等待"
        case .langValue(let w): "--lang 只能是 en 或 zh，不能是 '\(w)'"
        case .unknownOption(let w): "没有这个选项：\(w)"
        case .missingValue(let f): "\(f) 后面缺少值"
        case .unexpectedArgument(let w): "多余的参数：\(w)"
        case .invalidValue(let v, let f): "\(f) 不能取 \(v)"
        case .seeHelp: "用法：lstmlab [<选项>] [FILE]\n  详见 lstmlab --help。"
        }
    }

    /// The argument parser's English refusal as a catalog entry, when it is one of those it words this way.
    public static func parserRefusal(_ english: String) -> UsageMessage? {
        func after(_ prefix: String) -> String? {
            english.hasPrefix(prefix) ? String(english.dropFirst(prefix.count)) : nil
        }
        if let w = after("Unknown option ") { return .unknownOption(word: w) }
        if let f = after("Missing value for ") { return .missingValue(flag: f) }
        if let w = after("Unexpected argument ") { return .unexpectedArgument(word: w) }
        if let rest = after("The value "), let split = rest.firstRange(of: " is invalid for ") {
            return .invalidValue(value: String(rest[..<split.lowerBound]), flag: String(rest[split.upperBound...]))
        }
        return nil
    }
}
