/// What `watch`, `unwatch`, `show … u=`, `clear` and `focus` say. View names,
/// `u=` ranges and typed commands stay as the learner types them.
public enum ViewCommandMessage: Localized, Equatable {
    /// `watch` alone: the numbered list (`list` is one `  N. text` line per watch).
    case watchList(count: Int, list: String)
    case watchingNothing
    /// `unwatch NAME`: what was removed and how many watches are left.
    case unwatched(what: String, left: Int)
    /// … when no watch is left.
    case unwatchedLast(what: String)
    /// `unwatch NAME` when NAME is not watched; `watched` lists what is.
    case notWatched(what: String, watched: String)
    case notWatchedNothing(what: String)
    /// `u=` with nothing after it.
    case unitsEmpty
    /// `u=x`, `u=1..2..3`, `u=-1`.
    case unitsForm(typed: String)
    /// `u=9..6`.
    case unitsReversed(low: Int, high: Int)
    /// `u=3..20` when H=16.
    case unitsOutOfRange(typed: String, last: Int)
    /// `show x u=…`: the view's last axis is not the hidden units.
    case unitsNotForView(name: String)
    /// The detail line of a view cut by `u=`: which units of how many.
    case unitsShown(units: String, total: Int)
    /// … of the gates' `[4H]` axis: the same units in every gate.
    case unitsPerGate(units: String, columns: String)
    /// … of y's `[2H]` axis: the same units in each direction's half.
    case unitsPerDirection(units: String, forward: String, backward: String)
    /// … of a weight matrix: the rows of those units in each gate block.
    case unitsWeightRows(units: String, rows: String)
    /// … of an expression's last axis.
    case unitsLastAxis(units: String, total: Int)

    public var english: String {
        switch self {
        case .watchList(let n, let list):
            "watching \(Plural.count(n, "view")) (shown after every step, back, goto, run, reset; unwatch N removes one):\n"
                + list
        case .watchingNothing: "nothing is watched; watch NAME [fwd|bwd] … or watch EXPR adds one"
        case .unwatched(let what, let left): "stopped watching \(what) (\(left) still watched)"
        case .unwatchedLast(let what): "stopped watching \(what); nothing is watched now"
        case .notWatched(let what, let watched):
            "\(what) is not watched; watched: \(watched) (unwatch NAME, unwatch N or unwatch all)"
        case .notWatchedNothing(let what): "\(what) is not watched: nothing is watched"
        case .unitsEmpty: "u= needs a unit or a range of units: u=3 or u=6..9"
        case .unitsForm(let typed): "\(typed) is not a unit or a range of units: write u=3 or u=6..9 (whole numbers)"
        case .unitsReversed(let low, let high): "u=\(high)..\(low) runs backwards: write u=\(low)..\(high)"
        case .unitsOutOfRange(let typed, let last): "\(typed) is out of range: units go from 0 to \(last)"
        case .unitsNotForView(let name):
            "\(name) has no hidden units on its last axis: u= picks units of h, c, gates, gates_pre, y, "
                + "h_f, h_b, h_b_rev, h_n, c_n, h0, c0, the weights and biases, and of an expression's last axis"
        case .unitsShown(let units, let total): "\(Self.units(units)) \(units) of \(total)"
        case .unitsPerGate(let units, let columns):
            "\(Self.units(units)) \(units) of each gate: columns \(columns) of 4H"
        case .unitsPerDirection(let units, let forward, let backward):
            "\(Self.units(units)) \(units) of each direction: y columns \(forward) (h_f) and \(backward) (h_b)"
        case .unitsWeightRows(let units, let rows):
            "the rows of \(Self.units(units)) \(units) in each gate block: rows \(rows); every column"
        case .unitsLastAxis(let units, let total): "columns \(units) of the last axis (of \(total))"
        }
    }

    public var chinese: String {
        switch self {
        case .watchList(let n, let list):
            "正在监视 \(n) 个视图（每次 step、back、goto、run、reset 之后都会显示；unwatch N 去掉一个）：\n" + list
        case .watchingNothing: "没有正在监视的视图；用 watch NAME [fwd|bwd] … 或 watch EXPR 添加"
        case .unwatched(let what, let left): "已停止监视 \(what)（还在监视 \(left) 个）"
        case .unwatchedLast(let what): "已停止监视 \(what)；现在没有监视任何视图"
        case .notWatched(let what, let watched):
            "没有在监视 \(what)；正在监视：\(watched)（unwatch NAME、unwatch N 或 unwatch all）"
        case .notWatchedNothing(let what): "没有在监视 \(what)：现在没有监视任何视图"
        case .unitsEmpty: "u= 后面要写一个单元或一段单元：u=3 或 u=6..9"
        case .unitsForm(let typed): "\(typed) 不是一个单元或一段单元：写成 u=3 或 u=6..9（整数）"
        case .unitsReversed(let low, let high): "u=\(high)..\(low) 顺序反了：写成 u=\(low)..\(high)"
        case .unitsOutOfRange(let typed, let last): "\(typed) 超出范围：隐藏单元从 0 到 \(last)"
        case .unitsNotForView(let name):
            "\(name) 的最后一个轴不是隐藏单元：u= 用来挑选 h、c、gates、gates_pre、y、"
                + "h_f、h_b、h_b_rev、h_n、c_n、h0、c0、权重和偏置的单元，以及表达式最后一个轴的列"
        case .unitsShown(let units, let total): "隐藏单元 \(units)（共 \(total) 个）"
        case .unitsPerGate(let units, let columns): "每个门的单元 \(units)：4H 中的第 \(columns) 列"
        case .unitsPerDirection(let units, let forward, let backward):
            "每个方向的单元 \(units)：y 的第 \(forward) 列（h_f）和第 \(backward) 列（h_b）"
        case .unitsWeightRows(let units, let rows): "每个门块中单元 \(units) 的行：第 \(rows) 行；所有列"
        case .unitsLastAxis(let units, let total): "最后一个轴的第 \(units) 列（共 \(total) 列）"
        }
    }

    /// `unit` for one, `units` for a range (`6..9`).
    static func units(_ span: String) -> String { span.contains("..") ? "units" : "unit" }
}
