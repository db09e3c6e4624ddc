import Foundation
import LabText
import TensorExpr
import TermRender

/// `watch` and `unwatch`: the views re-shown after every move.
extension Interpreter {
    /// `watch`: each checked now, then re-shown after every move; `watch` alone lists them.
    mutating func watch(_ items: [Watch]) throws -> [Output] {
        if items.isEmpty { return [.text(watchList)] }
        guard session.watches.count + items.count <= Session.maxWatches else {
            throw LabError(said: ShellMessage.tooManyWatches(limit: Session.maxWatches, now: session.watches.count))
        }
        for w in items {
            switch w {
            case .view(let r): _ = try views(r, validateOnly: true)
            case .expression(let e):
                do throws(ExprError) {
                    _ = try ExprParser.parse(e.text)
                } catch {
                    throw ExpressionFailure(error, in: e)
                }
            }
        }
        session.watches += items
        return [.text(say(ShellMessage.watching(views: session.watches.map(\.text).joined(separator: ", "))))]
    }

    /// The watches, numbered as `unwatch N` takes them.
    var watchList: String {
        let watches = session.watches
        guard !watches.isEmpty else { return say(ViewCommandMessage.watchingNothing) }
        let list = watches.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
        return say(ViewCommandMessage.watchList(count: watches.count, list: list))
    }

    /// `unwatch`, `unwatch all`: every watch; `unwatch N`: the N-th listed; `unwatch NAME …`: the watch
    /// typed so (spaces aside), else every watch of the view NAME.
    mutating func unwatch(_ what: String?) throws -> [Output] {
        let typed = what?.trimmingCharacters(in: .whitespaces) ?? ""
        if typed.isEmpty || typed == "all" {
            let n = session.watches.count
            session.watches = []
            return [.text(say(n == 0 ? ShellMessage.nothingWatched : .stoppedWatching(count: n)))]
        }
        let watches = session.watches
        let squeezed = { (s: String) in s.filter { !$0.isWhitespace } }
        var chosen = watches.indices.filter { squeezed(watches[$0].text) == squeezed(typed) }
        if chosen.isEmpty, let n = Int(typed), n >= 1, n <= watches.count { chosen = [n - 1] }
        if chosen.isEmpty {
            chosen = watches.indices.filter {
                if case .view(let r) = watches[$0] { return r.name.rawValue == typed }
                return false
            }
        }
        guard !chosen.isEmpty else {
            let quoted = Quote.word(typed)
            let comma = session.settings.language == .zh ? "、" : ", "
            if watches.isEmpty { throw LabError(said: ViewCommandMessage.notWatchedNothing(what: quoted)) }
            throw LabError(
                said: ViewCommandMessage.notWatched(
                    what: quoted, watched: watches.map(\.text).joined(separator: comma)))
        }
        let comma = session.settings.language == .zh ? "、" : ", "
        let removed = chosen.map { watches[$0].text }.joined(separator: comma)
        session.watches = watches.indices.filter { !chosen.contains($0) }.map { watches[$0] }
        let left = session.watches.count
        return [
            .text(
                say(left == 0 ? .unwatchedLast(what: removed) : ViewCommandMessage.unwatched(what: removed, left: left))
            )
        ]
    }
}
