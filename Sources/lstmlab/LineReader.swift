import CReadline
import Foundation
import LabText
import TensorFiles

/// GNU readline on a terminal: line editing, Tab completion from the command
/// table, a persistent history, Ctrl-R search (readline's own).
final class LineReader {
    private var history: HistoryFile?

    init(historyPath: String?, language: Language) {
        lstm_rl_configure_words()
        lstm_rl_set_attempted_completion_function(attemptCompletion)
        // Readline catches SIGINT while it reads, restores the terminal and
        // re-raises it to our handler (Interrupts), which resets the line.
        lstm_rl_set_catch_signals(1)
        // One Tab lists the choices when there are several (as in the Julia
        // REPL); a user's ~/.inputrc, read later, can turn it off.
        rl_variable_bind("show-all-if-ambiguous", "on")
        using_history()
        stifle_history(Int32(HistoryFile.limit))
        history = historyPath.map { HistoryFile(path: $0, language: language) }
        history?.load()
    }

    /// One line without its newline, or nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        Interrupts.inReadline.store(true, ordering: .sequentiallyConsistent)
        let raw = readline(prompt)
        Interrupts.inReadline.store(false, ordering: .sequentiallyConsistent)
        guard let raw else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        remember(line)
        return line
    }

    /// Adds a line to the history (trimmed; blank lines and repeats of the
    /// previous line are skipped) and saves the file.
    private func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        if let last = lstm_history_last(), String(cString: last) == trimmed { return }
        add_history(trimmed)
        history?.append()
    }

    func close() {
        history?.trim()
    }
}

/// The completer readline calls on Tab.
private let attemptCompletion:
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
        text, start, _ in
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = lstm_rl_line_buffer(), start > 0 {
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(start))
            before = String(decoding: bytes, as: UTF8.self)
        }
        let result = LineReader.completer.complete(before: before, word: word)
        switch result {
        case .files:
            lstm_rl_set_attempted_completion_over(0)
            return nil
        case .words(let words), .ordered(let words):
            lstm_rl_set_attempted_completion_over(1)
            if case .ordered = result {
                lstm_rl_set_sort_completion_matches(0)
            } else {
                lstm_rl_set_sort_completion_matches(1)
            }
            guard !words.isEmpty else { return nil }
            if words.count == 1, words[0].hasSuffix("=") { lstm_rl_set_completion_suppress_append(1) }
            return matchArray(words)
        }
    }

extension LineReader {
    static let completer = Completer.forThisProcess()
}

/// The `char **` readline expects: the text to insert (the common prefix),
/// then the matches, then NULL; every string malloc'ed (readline frees them).
private func matchArray(_ words: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let entries = words.count == 1 ? words : [Completer.commonPrefix(words)] + words
    guard
        let array = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1))?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    else { return nil }
    for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
    array[entries.count] = nil
    return array
}

/// The history file, shared by every session: read at start; each new line
/// appended (so two labs open at once keep both their lines); trimmed to the
/// last `limit` lines at exit. A new file is written whole to a temporary
/// file and renamed into place, so it is never seen half written.
struct HistoryFile {
    static let limit = 1000
    let path: String
    /// The language of its warnings: the session's at start.
    let language: Language
    private var disabled = false

    init(path: String, language: Language) {
        self.path = path
        self.language = language
    }

    /// `LSTMLAB_HISTORY`, else `$XDG_STATE_HOME/lstmlab/history`, else
    /// `~/.local/state/lstmlab/history`; nil when there is no home either.
    static func path(environment: [String: String]) -> String? {
        if let p = environment["LSTMLAB_HISTORY"], !p.isEmpty { return p }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/lstmlab/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/lstmlab/history" }
        return nil
    }

    mutating func load() {
        // Checked by name first: opening a FIFO would hang the start, a folder gave "Invalid argument".
        let kind = FileKind(path: path)
        switch kind {
        case .missing: return
        case .regular: break
        case .folder: return warn(.folder(path: path))
        default: return warn(.notRegular(path: path, kind: kind.problem))
        }
        let status = read_history(path)
        // Saving over a file we could not read would lose it.
        if status != 0 { warn(.cannotRead(path: path, code: status, system: String(cString: strerror(status)))) }
    }

    /// Saves the newest history entry.
    mutating func append() {
        guard !disabled else { return }
        guard FileManager.default.fileExists(atPath: path) else { return create() }
        let status = append_history(1, path)
        if status != 0 { warn(.cannotWrite(path: path, code: status, system: String(cString: strerror(status)))) }
    }

    /// Keeps the last `limit` lines of the file.
    mutating func trim() {
        guard !disabled, FileManager.default.fileExists(atPath: path) else { return }
        _ = history_truncate_file(path, Int32(HistoryFile.limit))
    }

    private mutating func create() {
        let folder = PathName.parent(of: path)
        if FileKind(path: folder) != .folder {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                return warn(.cannotCreateFolder(path: folder))
            }
        }
        let temp = path + ".tmp\(getpid())"
        let status = write_history(temp)
        if status != 0 {
            unlink(temp)
            return warn(.cannotWrite(path: temp, code: status, system: String(cString: strerror(status))))
        }
        if rename(temp, path) != 0 {
            let code = errno
            unlink(temp)
            warn(.cannotCreate(path: path, code: code, system: String(cString: strerror(code))))
        }
    }

    /// One warning, then the history stays in memory only.
    private mutating func warn(_ problem: LauncherMessage.HistoryProblem) {
        disabled = true
        StdIO.err("lstmlab: " + LauncherMessage.historyNotSaved(problem).text(language))
    }
}
