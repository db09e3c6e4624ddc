import LSTMCore

/// The three facts an `.npy` header dict states, validated.
///
/// ```
/// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
/// ```
struct NPYHeader: Equatable, Sendable {
    var dtype: NPYDType
    var fortranOrder: Bool
    var shape: [Int]

    /// Interprets the header text; the error is the reason to report.
    static func parse(_ text: String) -> Result<NPYHeader, HeaderFailure> {
        let literal: PythonLiteral
        switch PythonLiteral.parse(text) {
        case .success(let v): literal = v
        case .failure(let f): return .failure(HeaderFailure("header is not a Python dict literal: \(f.message)"))
        }
        guard case .dict(let entries) = literal else {
            return .failure(HeaderFailure("header is not a dict: \(abbreviated(literal.python))"))
        }
        var values: [String: PythonLiteral] = [:]
        for (key, value) in entries {
            guard case .string(let name) = key else {
                return .failure(HeaderFailure("header key \(abbreviated(key.python)) is not a string"))
            }
            guard ["descr", "fortran_order", "shape"].contains(name) else {
                return .failure(
                    HeaderFailure("header has an unexpected key '\(name)' (expected 'descr', 'fortran_order', 'shape')")
                )
            }
            guard values[name] == nil else { return .failure(HeaderFailure("header has the key '\(name)' twice")) }
            values[name] = value
        }
        for name in ["descr", "fortran_order", "shape"] where values[name] == nil {
            return .failure(HeaderFailure("header is missing the key '\(name)'"))
        }
        guard let descrValue = values["descr"], let orderValue = values["fortran_order"],
            let shapeValue = values["shape"]
        else {
            return .failure(HeaderFailure("header is missing a key"))
        }

        let dtype: NPYDType
        switch descrValue {
        case .string(let d):
            switch NPYDType.parse(d) {
            case .success(let t): dtype = t
            case .failure(let f): return .failure(f)
            }
        case .list:
            return .failure(
                HeaderFailure(
                    "unsupported dtype: a structured array (record fields); only plain float arrays can be loaded"))
        default:
            return .failure(
                HeaderFailure("'descr' must be a string such as '<f4', got \(abbreviated(descrValue.python))"))
        }

        guard case .bool(let fortran) = orderValue else {
            return .failure(
                HeaderFailure("'fortran_order' must be True or False, got \(abbreviated(orderValue.python))"))
        }

        guard case .tuple(let dims) = shapeValue else {
            let hint: String
            if case .integer(let n) = shapeValue { hint = " (a 1-D shape is written (\(n),))" } else { hint = "" }
            return .failure(HeaderFailure("bad shape \(abbreviated(shapeValue.python)): not a tuple\(hint)"))
        }
        var shape: [Int] = []
        for d in dims {
            guard case .integer(let digits) = d else {
                return .failure(
                    HeaderFailure(
                        "bad shape \(abbreviated(shapeValue.python)): \(abbreviated(d.python)) is not an integer"))
            }
            guard let n = Int(digits) else {
                return .failure(
                    HeaderFailure(
                        "absurd shape \(abbreviated(shapeValue.python)): dimension \(abbreviated(digits)) is too large")
                )
            }
            guard n >= 0 else {
                return .failure(
                    HeaderFailure("bad shape \(abbreviated(shapeValue.python)): dimension \(n) is negative"))
            }
            shape.append(n)
        }
        return .success(NPYHeader(dtype: dtype, fortranOrder: fortran, shape: shape))
    }

    /// The header dict numpy itself writes, without padding.
    static func text(shape: [Int]) -> String {
        let dims = shape.map(String.init).joined(separator: ", ")
        let tuple = shape.count == 1 ? "(\(dims),)" : "(\(dims))"
        return "{'descr': '<f4', 'fortran_order': False, 'shape': \(tuple), }"
    }

    struct HeaderFailure: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

/// Long header fragments are cut so one bad file cannot flood the screen.
func abbreviated(_ s: String, limit: Int = 60) -> String {
    s.count <= limit ? s : String(s.prefix(limit)) + "…"
}

/// A validated `.npy` element type: a float of 2, 4 or 8 bytes in a known byte order.
struct NPYDType: Equatable, Sendable {
    var kind: FloatKind
    var bigEndian: Bool
    /// As written in the header, for messages: `<f4`.
    var descr: String

    /// Accepts `<f2 <f4 <f8`, `>f2 >f4 >f8` (converted), `=f4` and `f4` (native order);
    /// refuses everything else with the dtype named.
    static func parse(_ descr: String) -> Result<NPYDType, NPYHeader.HeaderFailure> {
        var rest = Substring(descr)
        var order: Character = "="
        if let c = rest.first, "<>=|".contains(c) {
            order = c
            rest = rest.dropFirst()
        }
        guard let kindChar = rest.first else {
            return .failure(.init("unsupported dtype '\(abbreviated(descr))'"))
        }
        let sizeText = rest.dropFirst()
        let size = sizeText.allSatisfy(\.isASCII) ? Int(sizeText) : nil
        let hostBigEndian = UInt16(1).bigEndian == 1
        let only = "only float16, float32 and float64 arrays can be loaded"
        func refuse(_ what: String) -> Result<NPYDType, NPYHeader.HeaderFailure> {
            .failure(.init("unsupported dtype '\(abbreviated(descr))' (\(what)); \(only)"))
        }
        // Only plausible item sizes are named in bits: '<f0004947954790604384938' made `size * 8` overflow and trap.
        let bitCount = size.flatMap { (1...64).contains($0) ? $0 * 8 : nil }
        let bits = bitCount.map { "\($0)-bit " } ?? ""
        switch kindChar {
        case "f":
            let kind: FloatKind
            switch size {
            case 2: kind = .float16
            case 4: kind = .float32
            case 8: kind = .float64
            default: return refuse(bitCount.map { "float\($0)" } ?? "unknown float size")
            }
            guard order != "|" else {
                return .failure(
                    .init(
                        "dtype '\(descr)' has no byte order: a \(size ?? 0)-byte float needs '<' (little-endian) or '>' (big-endian)"
                    ))
            }
            return .success(
                NPYDType(kind: kind, bigEndian: order == ">" || (order == "=" && hostBigEndian), descr: descr))
        case "b", "?": return refuse("booleans")
        case "i": return refuse("\(bits)signed integers")
        case "u": return refuse("\(bits)unsigned integers")
        case "c": return refuse("complex numbers")
        case "O": return refuse("Python objects, stored as a pickle, which is never loaded")
        case "U": return refuse("unicode strings")
        case "S", "a": return refuse("byte strings")
        case "V": return refuse("raw records")
        case "M": return refuse("datetimes")
        case "m": return refuse("timedeltas")
        default: return refuse("not a numpy type code this lab knows")
        }
    }
}
