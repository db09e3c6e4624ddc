/// One entry of the command table: drives the parser's word list, `help`,
/// tab completion and suggestions.
public struct CommandSpec: Sendable {
    public var name: String
    public var group: String
    public var usage: String
    public var summary: String
    public var example: String
    /// Words that may follow the command (for completion).
    public var keywords: [String]
    /// Whether arguments after the command are file paths (for completion).
    public var takesPath: Bool
}

public enum CommandTable {
    public static let groups = ["Model and input", "Stepping", "Looking", "Settings", "Lessons", "Session"]

    static let directions = ["fwd", "bwd", "both"]
    static var viewNames: [String] { ViewName.allCases.map(\.rawValue) }

    public static let all: [CommandSpec] = [
        CommandSpec(name: "sizes", group: "Model and input", usage: "sizes [B=N] [T=N] [D=N] [H=N]",
                    summary: "set batch, sequence length, input and hidden sizes (rebuilds model and input)",
                    example: "sizes B=3 T=5 D=8 H=16", keywords: ["B=", "T=", "D=", "H="], takesPath: false),
        CommandSpec(name: "init", group: "Model and input", usage: "init tutorial|pytorch|zeros [seed N]",
                    summary: "draw new parameters (tutorial: Xavier W_ih, orthogonal W_hh, forget bias 1)",
                    example: "init tutorial seed 0", keywords: ["tutorial", "pytorch", "zeros", "seed"], takesPath: false),
        CommandSpec(name: "input", group: "Model and input", usage: "input random|zeros|ones [seed N]",
                    summary: "make a new input x [B, T, D]", example: "input random seed 1",
                    keywords: ["random", "zeros", "ones", "seed"], takesPath: false),
        CommandSpec(name: "load", group: "Model and input", usage: "load weights|input|h0|c0 PATH",
                    summary: "read weights (.safetensors, nn.LSTM names) or x, h0, c0 (.npy)",
                    example: "load weights model.safetensors", keywords: ["weights", "input", "h0", "c0"], takesPath: true),
        CommandSpec(name: "save", group: "Model and input", usage: "save weights PATH",
                    summary: "write the weights as safetensors that nn.LSTM.load_state_dict accepts",
                    example: "save weights mine.safetensors", keywords: ["weights"], takesPath: true),
        CommandSpec(name: "export", group: "Model and input", usage: "export DIR",
                    summary: "write y, h_n, c_n and every step's gates, c, h as .npy files",
                    example: "export out", keywords: [], takesPath: true),
        CommandSpec(name: "step", group: "Stepping", usage: "step [fwd|bwd|both] [N]",
                    summary: "advance one or both directions N steps (default both, 1)",
                    example: "step fwd 2", keywords: directions, takesPath: false),
        CommandSpec(name: "back", group: "Stepping", usage: "back [fwd|bwd|both] [N]",
                    summary: "undo N steps exactly (default both, 1)", example: "back bwd",
                    keywords: directions, takesPath: false),
        CommandSpec(name: "goto", group: "Stepping", usage: "goto t=N|start|end [fwd|bwd|both]",
                    summary: "jump so a direction's latest step is at time t", example: "goto t=2 fwd",
                    keywords: ["t=", "start", "end"] + directions, takesPath: false),
        CommandSpec(name: "run", group: "Stepping", usage: "run",
                    summary: "take all remaining steps in both directions", example: "run", keywords: [], takesPath: false),
        CommandSpec(name: "reset", group: "Stepping", usage: "reset",
                    summary: "cursors back to the start (parameters and input kept)", example: "reset", keywords: [], takesPath: false),
        CommandSpec(name: "show", group: "Looking", usage: "show NAME [fwd|bwd] [t=N] [b=N]",
                    summary: "print a tensor with its shape and where it came from", example: "show gates fwd t=0",
                    keywords: viewNames + ["fwd", "bwd", "t=", "b="], takesPath: false),
        CommandSpec(name: "heatmap", group: "Looking", usage: "heatmap NAME [fwd|bwd] [t=N] [b=N]",
                    summary: "colour map of a tensor (t × unit for states over time)", example: "heatmap h_f b=0",
                    keywords: viewNames + ["fwd", "bwd", "t=", "b="], takesPath: false),
        CommandSpec(name: "spark", group: "Looking", usage: "spark NAME [fwd|bwd] [b=N] [u=N]",
                    summary: "sparklines of a state over time", example: "spark h_f b=0",
                    keywords: viewNames + ["fwd", "bwd", "b=", "u="], takesPath: false),
        CommandSpec(name: "diagram", group: "Looking", usage: "diagram",
                    summary: "the network unrolled over T, with both cursors", example: "diagram", keywords: [], takesPath: false),
        CommandSpec(name: "watch", group: "Looking", usage: "watch NAME [fwd|bwd] [t=N] [b=N] …",
                    summary: "show these views again after every move (like gdb's display)", example: "watch gates fwd",
                    keywords: viewNames + ["fwd", "bwd", "t=", "b="], takesPath: false),
        CommandSpec(name: "unwatch", group: "Looking", usage: "unwatch",
                    summary: "stop re-showing watched views", example: "unwatch", keywords: [], takesPath: false),
        CommandSpec(name: "info", group: "Looking", usage: "info",
                    summary: "sizes, initialiser, mode, variant and where each direction stands", example: "info",
                    keywords: [], takesPath: false),
        CommandSpec(name: "set", group: "Settings", usage: "set batch_first on|off | mode fused|per-gate|hoisted | variant correct|draft | precision N | threads N | lang en|zh",
                    summary: "change a setting", example: "set mode per-gate",
                    keywords: ["batch_first", "mode", "variant", "precision", "threads", "lang", "en", "zh", "on", "off",
                               "fused", "per-gate", "hoisted", "correct", "draft"], takesPath: false),
        CommandSpec(name: "bench", group: "Settings", usage: "bench [B,T,D,H] [repeat R]",
                    summary: "time a full forward in each mode (per-gate, fused, hoisted)", example: "bench 3,5,8,16 repeat 20",
                    keywords: ["repeat"], takesPath: false),
        CommandSpec(name: "lesson", group: "Lessons", usage: "lesson list | play N | resume | reset [N] | check FILE",
                    summary: "lessons that replay the tutorial on the live model", example: "lesson play 1",
                    keywords: ["list", "play", "resume", "reset", "check"], takesPath: true),
        CommandSpec(name: "next", group: "Lessons", usage: "next", summary: "in a lesson: go on (Enter does too)",
                    example: "next", keywords: [], takesPath: false),
        CommandSpec(name: "hint", group: "Lessons", usage: "hint", summary: "in a lesson: the next hint for the question",
                    example: "hint", keywords: [], takesPath: false),
        CommandSpec(name: "skip", group: "Lessons", usage: "skip", summary: "in a lesson: skip the question",
                    example: "skip", keywords: [], takesPath: false),
        CommandSpec(name: "solution", group: "Lessons", usage: "solution", summary: "in a lesson: show the solution",
                    example: "solution", keywords: [], takesPath: false),
        CommandSpec(name: "answer", group: "Lessons", usage: "answer VALUE", summary: "in a lesson: answer the question",
                    example: "answer 64", keywords: [], takesPath: false),
        CommandSpec(name: "help", group: "Session", usage: "help [COMMAND]", summary: "list commands, or one command's syntax and example (alias ?)",
                    example: "help step", keywords: [], takesPath: false),
        CommandSpec(name: "quit", group: "Session", usage: "quit", summary: "leave the lab (alias exit; in a lesson: leave the lesson)",
                    example: "quit", keywords: [], takesPath: false),
    ]

    public static let aliases: [String: String] = ["?": "help", "exit": "quit"]

    public static var names: [String] { all.map(\.name) + aliases.keys.sorted() }

    public static func spec(_ name: String) -> CommandSpec? {
        let canonical = aliases[name] ?? name
        return all.first { $0.name == canonical }
    }
}
