import Foundation
import TensorFiles
import TermRender

/// A transcript being recorded: what was typed and what the lab showed.
public struct Transcript: Sendable, Equatable {
    public var path: String
    /// Markdown blocks, in order.
    public var blocks: [String] = []
    public var commands = 0
}

/// `record FILE.md` … `record stop`: a Markdown transcript a teacher can hand
/// out (commands in code blocks, output as text blocks, colour removed),
/// written atomically when the recording stops. The interpreter starts and
/// stops it; the front door (`Lab.handle`) adds each typed line.
extension Interpreter {
    mutating func record(_ path: String?) throws -> [Output] {
        guard !lessons.isPlaying else {
            throw LabError("'record' is not allowed while a lesson plays: leave it with 'quit' first")
        }
        guard let path else {
            guard let t = recording else { throw LabError("nothing is being recorded: 'record FILE.md' starts") }
            let text = Lab.markdown(t)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: t.path), options: .atomic)
            } catch {
                throw LabError(
                    "\(Quote.word(t.path)) could not be written (a folder, or no permission to write there); "
                        + "the recording goes on: 'record stop' again after fixing it")
            }
            recording = nil
            return [.text("wrote \(t.path): \(t.commands) command\(t.commands == 1 ? "" : "s")")]
        }
        guard recording == nil else {
            throw LabError("already recording to \(Quote.word(recording?.path ?? "")): 'record stop' first")
        }
        let dir = PathName.parent(of: path)  // our own helper: Foundation's trapped on one-character names
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue
        else {
            throw LabError("\(Quote.word(path)): the folder \(Quote.word(dir)) does not exist")
        }
        recording = Transcript(path: path)
        return [.text("recording to \(path) until 'record stop'")]
    }
}

extension Lab {
    /// Adds one typed line and what it showed.
    mutating func recordLine(_ typed: String, _ shown: String) {
        guard recording != nil else { return }
        recording?.commands += 1
        recording?.blocks.append("```\nlstmlab> \(typed.trimmingCharacters(in: .whitespaces))\n```")
        let clean = Lab.stripEscapes(shown).trimmingCharacters(in: .newlines)
        if !clean.isEmpty { recording?.blocks.append("```text\n\(clean)\n```") }
    }

    /// `clear` in a transcript: a rule between what was on the screen before and after.
    mutating func recordSeparator() {
        guard recording != nil else { return }
        recording?.commands += 1
        recording?.blocks.append("---")
    }

    static func markdown(_ t: Transcript) -> String {
        (["# LSTMLab session", ""] + t.blocks.flatMap { [$0, ""] }).joined(separator: "\n")
    }

    /// Text without terminal escape sequences (colour, cursor moves).
    static func stripEscapes(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }
}
