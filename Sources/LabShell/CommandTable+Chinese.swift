import LabText

/// The command table's help lines in Chinese, beside the English ones they
/// translate (`CommandSpec.summary`): `help`, `help CMD` and
/// `docs/COMMANDS.zh.md` read them; a test fails when a command has none.
extension CommandTable {
    public static let chineseSummaries: [String: String] = [
        "sizes": "设置批大小、序列长度、输入维度、隐藏维度和层数（重建模型和输入）",
        "lengths": "给每条序列各自的长度（像打包的批一样），或者回到全部完整长度",
        "init": "重新生成参数（tutorial：W_ih 用 Xavier，W_hh 用正交初始化，遗忘门偏置为 1）",
        "input": "生成新的输入 x [B, T, D]",
        "load": "读入权重（.safetensors，nn.LSTM 的参数名）或 x、h0、c0（.npy）",
        "save": "把权重写成 safetensors（save weights PATH），或把任意值写成 .npy（save EXPR to PATH）",
        "export": "把 y、h_n、c_n 和每一步的门值、c、h 写成 .npy 文件",
        "example": "载入实验室自带的训练好的模型，连同它的输出层和测试字符串",
        "step": "让一个或两个方向前进 N 步（默认两个方向，1 步）",
        "back": "精确撤销 N 步（默认两个方向，1 步）",
        "goto": "跳到某个方向最近的一步正好在时刻 t 的位置",
        "run": "两个方向走完剩下的所有步",
        "reset": "游标回到起点（参数和输入保留）",
        "layer": "选择 step、back、goto、show 和 diagram 操作的那一层",
        "show": "打印一个张量，附上形状和来源（视图名或任意表达式）",
        "heatmap": "张量的色块图（随时间变化的状态画成 t × unit）",
        "spark": "状态随时间变化的迷你折线图",
        "compare": "正确的一步和教程草稿的一步并排显示，两者从同一个状态出发",
        "diagram": "沿 T 展开的网络，标出两个方向的游标",
        "trace": "一个单元随时间的变化：每走一步的 z、各个门、c 和 h，按处理顺序排列",
        "watch": "每次移动之后重新显示这些视图或表达式（类似 gdb 的 display）",
        "unwatch": "停止重新显示一个监视的视图（按 watch 列出的写法或编号），或全部视图",
        "focus": "只显示一个视图的全部列，按屏幕宽度折成几段（适合投影）",
        "clear": "清屏",
        "info": "尺寸、初始化、模式、变体、语言，以及每个方向走到了哪里",
        "print": "按 PyTorch 的写法对会话里的张量求值（别名 p）",
        "let": "把表达式的值存成会话变量（vars 列出，info 显示）",
        "vars": "列出会话变量和它们的形状",
        "unlet": "删除一个会话变量",
        "set": "修改一项设置",
        "bench": "对完整的前向计算分别按每种模式计时（per-gate、fused、hoisted）",
        "lesson": "在实时模型上重演教程的课程",
        "next": "课程中：继续（直接回车也可以）",
        "hint": "课程中：看这道题的下一条提示",
        "skip": "课程中：跳过这道题",
        "solution": "课程中：看答案",
        "answer": "课程中：回答问题",
        "help": "列出所有命令，或显示某个命令的写法和例子（别名 ?）",
        "quit": "离开实验室（别名 exit；在课程中则是离开课程）",
        "record": "把输入的命令和屏幕上显示的内容记成 Markdown 文件，直到 record stop",
    ]

    /// A command's one-line help in `language` (English when a new command has no Chinese yet).
    public static func summary(of spec: CommandSpec, in language: Language) -> String {
        language == .zh ? chineseSummaries[spec.name] ?? spec.summary : spec.summary
    }

    /// A group heading of `help` in `language`.
    public static func heading(_ group: CommandGroup, in language: Language) -> String {
        guard language == .zh else { return group.rawValue }
        switch group {
        case .model: return "模型和输入"
        case .stepping: return "单步执行"
        case .looking: return "查看"
        case .settings: return "设置"
        case .lessons: return "课程"
        case .session: return "会话"
        }
    }
}
