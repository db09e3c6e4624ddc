import Foundation
import LabShell
import LessonKit
import Synchronization

/// What Tab offers for the word under the cursor: the command table's reading
/// of the words before it (`CommandParser.candidates`), filtered by what is
/// typed. No terminal here, so it is testable.
struct Completer: Sendable {
    enum Result: Equatable {
        /// These words (already filtered by the typed prefix), in the table's order.
        case words([String])
        /// These words in this order (lesson numbers: 1, 2, …, 10, not 1, 10, 2).
        case ordered([String])
        /// Readline's file name completion.
        case files
    }

    /// Lesson ids for `lesson play` / `lesson reset`, listed when asked.
    var lessonIDs: @Sendable () -> [Int]
    /// The session's variables (`let`) as they are now: offered in expressions and after `unlet`.
    var variables: @Sendable () -> [String]

    init(
        lessonIDs: @escaping @Sendable () -> [Int] = { [] },
        variables: @escaping @Sendable () -> [String] = { [] }
    ) {
        self.lessonIDs = lessonIDs
        self.variables = variables
    }

    /// The lessons found where the lab looks for them (`LSTMLAB_LESSONS`, beside
    /// the binary, `./lessons`), read again on every Tab so new files show up.
    static func forThisProcess() -> Completer {
        let root = LessonCatalog.locate(
            environment: ProcessInfo.processInfo.environment,
            executablePath: LessonLaunch.executablePath,
            currentDirectory: FileManager.default.currentDirectoryPath)
        return Completer(
            lessonIDs: { LessonCatalog(root: root).ids },
            variables: { SessionNames.variables.withLock { $0 } })
    }

    /// - Parameters:
    ///   - before: the line up to the start of the word being completed.
    ///   - word: the part of that word already typed.
    func complete(before: String, word: String) -> Result {
        let next = CommandParser.candidates(after: before)
        if next.files { return .files }
        if next.lessonNumbers { return .ordered(filter(lessonIDs().sorted().map(String.init), word)) }
        if next.variableNames { return .words(filter(next.words + variables(), word)) }
        if next.expression {
            let names = ExpressionCompletion.candidates(for: word, variables: variables())
            return .words(filter(next.words + names, word))
        }
        return .words(filter(next.words, word))
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

/// The variables of the session at the prompt, published by the loop before
/// each line is read, for readline's completion callback (which has no lab).
enum SessionNames {
    static let variables = Mutex<[String]>([])

    static func publish(_ lab: Lab) {
        let names = lab.variableNames
        variables.withLock { $0 = names }
    }
}
