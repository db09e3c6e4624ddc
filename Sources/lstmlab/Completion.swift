import Foundation
import LabShell
import LessonKit

/// What Tab offers for the word under the cursor, decided from the words
/// before it and the command table (no terminal here, so it is testable).
struct Completer: Sendable {
    enum Result: Equatable {
        /// These words (already filtered by the typed prefix), listed alphabetically.
        case words([String])
        /// These words in this order (lesson numbers: 1, 2, …, 10, not 1, 10, 2).
        case ordered([String])
        /// Readline's file name completion.
        case files
    }

    /// Lesson ids for `lesson play` / `lesson reset`, listed when asked.
    var lessonIDs: @Sendable () -> [Int]

    init(lessonIDs: @escaping @Sendable () -> [Int] = { [] }) {
        self.lessonIDs = lessonIDs
    }

    /// The lessons found where the lab looks for them (`LSTMLAB_LESSONS`, beside
    /// the binary, `./lessons`), read again on every Tab so new files show up.
    static func forThisProcess() -> Completer {
        let root = LessonCatalog.locate(environment: ProcessInfo.processInfo.environment,
                                        executablePath: LessonLaunch.executablePath,
                                        currentDirectory: FileManager.default.currentDirectoryPath)
        return Completer(lessonIDs: { LessonCatalog(root: root).ids })
    }

    /// - Parameters:
    ///   - before: the line up to the start of the word being completed.
    ///   - word: the part of that word already typed.
    func complete(before: String, word: String) -> Result {
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return .words(filter(CommandTable.names, word)) }
        guard let spec = CommandTable.spec(first) else { return .words([]) }
        let position = words.count
        let views = ViewName.allCases.map(\.rawValue)
        switch spec.name {
        case "help":
            return .words(position == 1 ? filter(CommandTable.names, word) : [])
        case "lesson":
            if position == 1 { return .words(filter(spec.keywords, word)) }
            guard position == 2 else { return .words([]) }
            switch words[1] {
            case "play", "reset": return .ordered(filter(lessonIDs().sorted().map(String.init), word))
            case "check": return .files
            default: return .words([])
            }
        case "show", "heatmap", "spark":
            if position == 1 { return .words(filter(views, word)) }
            return .words(filter(spec.keywords.filter { !views.contains($0) }, word))
        default:
            if spec.takesPath {
                // `load weights PATH`, `save weights PATH`, `export DIR`.
                if position == 1 && !spec.keywords.isEmpty { return .words(filter(spec.keywords, word)) }
                return .files
            }
            return .words(filter(spec.keywords, word))
        }
    }

    /// Candidates starting with `prefix`, ignoring case (`show w_ih` offers
    /// `W_ih_f`, and Tab puts the capital back, which the parser needs).
    private func filter(_ candidates: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        let lower = prefix.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted }
    }

    /// The longest prefix all `words` share (what one Tab inserts).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
