/// What the player wants shown, in order. The shell renders these; the
/// player never prints.
public enum LessonEvent: Equatable, Sendable {
    /// The lesson's title and introduction (when it starts from step 1).
    case header(id: Int, title: String, intro: String)
    /// `lesson 3 · step 4/9`
    case progress(String)
    /// The lesson's setup commands, shown as one line.
    case setup(String)
    case stepTitle(String)
    case narration(String)
    /// A lab command about to run (the `--pace` mode types it out first).
    case command(String)
    /// What the command printed.
    case output(String)
    /// A lab command was refused; `location` is `FILE:LINE`.
    case commandFailed(command: String, message: String, location: String)
    /// A command the lesson runs to show its refusal (`! command`).
    case refused(command: String, message: String)
    case question(ask: String, choices: [Choice], how: String)
    /// A task: the learner acts; `how` names the words that help.
    case task(goal: String, how: String)
    case taskDone(String)
    /// The commands that do the task (`solution`), to type, not run.
    case taskSolution([String])
    case correct(String)
    case wrong(String)
    /// Hint `index` (1-based) of `count`.
    case hint(index: Int, count: Int, text: String)
    case solution(String)
    /// Refusals and guidance.
    case notice(String)
    case finished(String)
}

/// A word the learner types inside a lesson.
public enum PlayerCommand: Equatable, Sendable {
    case next, back, hint, skip, solution, quit
    case answer(String)

    /// The lesson word `line` is, or nil for a lab command. `back` with
    /// arguments (`back fwd 2`) is the lab's `back`.
    public static func parse(_ line: String) -> PlayerCommand? {
        let t = ArithmeticExpression.normalize(line).trimmingSpaces
        switch t {
        case "", "next", "n": return .next
        case "back": return .back
        case "hint": return .hint
        case "skip": return .skip
        case "solution": return .solution
        case "quit": return .quit
        default: break
        }
        if t == "answer" { return .answer("") }
        if t.hasPrefix("answer ") { return .answer(String(t.dropFirst(7)).trimmingSpaces) }
        return nil
    }
}
