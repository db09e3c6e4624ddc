import LessonKit

/// A host that records commands and serves values from a table.
struct FakeHost: LessonHost {
    var ran: [String] = []
    var values: [String: Float] = [:]
    var shapes: [String: [Int]] = [:]

    mutating func run(_ line: String) throws -> String {
        if line.hasPrefix("bad") { throw FakeError(message: "unknown command 'bad'") }
        ran.append(line)
        return "ran \(line)"
    }

    func value(of name: String, direction: String?, index: [Int]) throws -> Float {
        let key = "\(name)\(index)\(direction.map { " " + $0 } ?? "")"
        guard let v = values[key] else { throw FakeError(message: "no view \(key)") }
        return v
    }

    func shape(of name: String, direction: String?) throws -> [Int] {
        guard let s = shapes[name] else { throw FakeError(message: "no view \(name)") }
        return s
    }

    /// The commands run so far are the fake's whole state.
    func snapshot() -> LessonSnapshot { LessonSnapshot(ran) }

    mutating func restore(_ snapshot: LessonSnapshot) {
        if let r = snapshot.state as? [String] { ran = r }
    }
}

struct FakeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum Fixture {
    static let lesson = """
        ---
        id: 3
        title: One product for four gates
        ---

        # One product for four gates

        Intro text.

        ## Look at the fused weight

        Narration before.

        ```lab
        sizes B=3 T=5 D=8 H=16   # the demo
        show W_ih_f
        ```

        More narration.

        ```question
        ask: How many rows does W_ih_f have?
        answer: number 64
        hint: It stacks one block per gate.
        hint: There are four gates, each with H rows.
        hint: H is 16.
        solution: 4·H = 64 rows.
        ```

        After the question.

        ## Step once

        ```lab
        step fwd
        ```

        ```question
        ask: What is h[0,3] forward now?
        answer: value h[0,3] fwd tol 1e-4
        hint: Look at the table.
        solution: Read it off the screen.
        ```

        ## The end

        Only words here.
        """
}
