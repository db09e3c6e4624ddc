/// An expression tree, with the characters each node came from (for carets).
public indirect enum ExprNode: Equatable, Sendable {
    case number(Double, isInteger: Bool)
    case name(String)
    /// `[a, b, …]`: a tensor literal, or a list of tensors for `cat`/`stack`.
    case list([Expr])
    /// `(a, b)`: a tuple, as in `dim=(0, 2)`.
    case tuple([Expr])
    case negate(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    case subscripted(Expr, [IndexItem])
}

public struct Expr: Equatable, Sendable {
    public var node: ExprNode
    public var range: Range<Int>
    public init(_ node: ExprNode, _ range: Range<Int>) {
        self.node = node
        self.range = range
    }
}

public struct Argument: Equatable, Sendable {
    public var label: String?
    public var value: Expr
}

/// One item between `[` and `]`.
public enum IndexItem: Equatable, Sendable {
    case value(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?, range: Range<Int>)
    case ellipsis(Range<Int>)
}

public enum BinaryOperator: String, Equatable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case power = "**"
    case matmul = "@"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
}
