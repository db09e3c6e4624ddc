/// The kind of a value an expression yields or a call expects, as an error names it:
/// Python's type name in English (`Tensor`, `tuple`, `NoneType`), the tutorial's word in Chinese.
public enum ExpressionType: Equatable, Sendable {
    case tensor, tuple, list, size, none, int, float, number, bool
    /// A list or tuple of tensors (`cat`'s argument).
    case tensors
    /// A function or module name not yet called (`tanh`, `torch`).
    case function(String)

    public var english: String {
        switch self {
        case .tensor: "Tensor"
        case .tuple: "tuple"
        case .list: "list"
        case .size: "torch.Size"
        case .none: "NoneType"
        case .int: "int"
        case .float: "float"
        case .number: "Number"
        case .bool: "bool"
        case .tensors: "tuple of Tensors"
        case .function(let n): "function \(n)"
        }
    }

    public var chinese: String {
        switch self {
        case .tensor: "张量"
        case .tuple: "元组"
        case .list: "列表"
        case .size: "torch.Size"
        case .none: "None"
        case .int: "整数"
        case .float: "浮点数"
        case .number: "数"
        case .bool: "布尔值"
        case .tensors: "张量的元组或列表"
        case .function(let n): ["torch", "F", "nn"].contains(n) ? "模块 \(n)" : "函数 \(n)"
        }
    }
}

/// Chinese prose put together from pieces.
enum ChineseText {
    /// The pieces joined, with a space where a Latin letter, a digit, a quote or a bracket meets a Han character.
    static func join(_ parts: String...) -> String {
        var out = ""
        for part in parts {
            if let a = out.last, let b = part.first, isHan(a) != isHan(b), !isPunctuation(a), !isPunctuation(b) {
                out += " "
            }
            out += part
        }
        return out
    }

    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false
    }

    /// Full-width punctuation and spaces take no space beside them.
    private static func isPunctuation(_ c: Character) -> Bool {
        c == " "
            || c.unicodeScalars.first.map {
                (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
            }
                ?? false
    }
}
