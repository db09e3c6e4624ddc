import Foundation
import TensorExpr

/// `Fixtures/torch_table.json`, written by `make_table.py` with torch: the
/// fixed tensors, and each expression with PyTorch's result or error.
struct TorchTable {
    enum Expected {
        case tensor(shape: [Int], data: [Double])
        case tuple([Expected])
        case size([Int])
        case error(type: String, message: String)
    }

    struct Case: CustomStringConvertible {
        var expr: String
        var expected: Expected
        var description: String { expr }
    }

    var environment: DictionaryEnvironment
    var cases: [Case]

    static func load() throws -> TorchTable {
        let url = (Bundle.module.resourceURL ?? URL(fileURLWithPath: "/nonexistent"))
            .appendingPathComponent("Fixtures").appendingPathComponent("torch_table.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = json as? [String: Any], let tensors = root["tensors"] as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { throw TableError.malformed("root") }
        var values: [String: ExprTensor] = [:]
        for (name, t) in tensors {
            guard let t = t as? [String: Any], let shape = t["shape"] as? [Int], let data = t["data"] as? [Double]
            else {
                throw TableError.malformed(name)
            }
            values[name] = ExprTensor(shape: shape, data: data.map { Float($0) })
        }
        return TorchTable(
            environment: DictionaryEnvironment(values),
            cases: try cases.map { c in
                guard let e = c["expr"] as? String else { throw TableError.malformed("expr") }
                return Case(expr: e, expected: try expected(c))
            })
    }

    private static func expected(_ c: [String: Any]) throws -> Expected {
        switch c["kind"] as? String {
        case "tensor":
            guard let shape = c["shape"] as? [Int], let data = c["data"] as? [Double] else {
                throw TableError.malformed("tensor")
            }
            return .tensor(shape: shape, data: data)
        case "size":
            guard let dims = c["dims"] as? [Int] else { throw TableError.malformed("size") }
            return .size(dims)
        case "tuple":
            guard let items = c["items"] as? [[String: Any]] else { throw TableError.malformed("tuple") }
            return .tuple(try items.map(expected))
        case "error":
            return .error(type: c["type"] as? String ?? "", message: c["error"] as? String ?? "")
        default:
            throw TableError.malformed("kind")
        }
    }

    enum TableError: Error { case malformed(String) }

    /// The integers a message states (shapes, sizes, dimensions), not those inside words like `mat1`.
    static func integers(_ message: String) -> [Int] {
        var out: [Int] = []
        let chars = Array(message)
        var i = 0
        while i < chars.count {
            let startsNumber =
                chars[i].isASCII && chars[i].isNumber
                || (chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)
            let afterWord = i > 0 && (chars[i - 1].isLetter || chars[i - 1] == "_" || chars[i - 1].isNumber)
            if startsNumber && !afterWord {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if let v = Int(String(chars[i..<j])) { out.append(v) }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
