import LSTMCore
import LabText

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
        case .failure(let f): return .failure(HeaderFailure(.headerSyntax(syntax: f.syntax, at: f.at)))
        }
        guard case .dict(let entries) = literal else {
            return .failure(HeaderFailure(.headerNotDict(text: abbreviated(literal.python))))
        }
        var values: [String: PythonLiteral] = [:]
        for (key, value) in entries {
            guard case .string(let name) = key else {
                return .failure(HeaderFailure(.headerKeyNotString(key: abbreviated(key.python))))
            }
            guard ["descr", "fortran_order", "shape"].contains(name) else {
                return .failure(
                    HeaderFailure(.headerUnexpectedKey(key: name))
                )
            }
            guard values[name] == nil else { return .failure(HeaderFailure(.headerDuplicateKey(key: name))) }
            values[name] = value
        }
        for name in ["descr", "fortran_order", "shape"] where values[name] == nil {
            return .failure(HeaderFailure(.headerMissingKey(key: name)))
        }
        guard let descrValue = values["descr"], let orderValue = values["fortran_order"],
            let shapeValue = values["shape"]
        else {
            return .failure(HeaderFailure(.headerMissingKey(key: "descr")))
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
                HeaderFailure(.structuredDtype))
        default:
            return .failure(
                HeaderFailure(.descrNotString(got: abbreviated(descrValue.python))))
        }

        guard case .bool(let fortran) = orderValue else {
            return .failure(
                HeaderFailure(.fortranOrderNotBool(got: abbreviated(orderValue.python))))
        }

        guard case .tuple(let dims) = shapeValue else {
            var scalar: String?
            if case .integer(let n) = shapeValue { scalar = n }
            return .failure(HeaderFailure(.shapeNotTuple(got: abbreviated(shapeValue.python), scalar: scalar)))
        }
        var shape: [Int] = []
        for d in dims {
            guard case .integer(let digits) = d else {
                return .failure(
                    HeaderFailure(
                        .dimensionNotInteger(shape: abbreviated(shapeValue.python), dimension: abbreviated(d.python))))
            }
            guard let n = Int(digits) else {
                return .failure(
                    HeaderFailure(
                        .dimensionTooLarge(shape: abbreviated(shapeValue.python), dimension: abbreviated(digits))))
            }
            guard n >= 0 else {
                return .failure(
                    HeaderFailure(.dimensionNegative(shape: abbreviated(shapeValue.python), dimension: n)))
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
        var problem: TensorFileMessage
        init(_ problem: TensorFileMessage) { self.problem = problem }
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
            return .failure(.init(.emptyDtype(descr: abbreviated(descr))))
        }
        let sizeText = rest.dropFirst()
        let size = sizeText.allSatisfy(\.isASCII) ? Int(sizeText) : nil
        let hostBigEndian = UInt16(1).bigEndian == 1
        func refuse(_ holds: TensorFileMessage.Dtype) -> Result<NPYDType, NPYHeader.HeaderFailure> {
            .failure(.init(.unsupportedDtype(descr: abbreviated(descr), holds: holds)))
        }
        // Only plausible item sizes are named in bits: '<f0004947954790604384938' made `size * 8` overflow and trap.
        let bitCount = size.flatMap { (1...64).contains($0) ? $0 * 8 : nil }
        switch kindChar {
        case "f":
            let kind: FloatKind
            switch size {
            case 2: kind = .float16
            case 4: kind = .float32
            case 8: kind = .float64
            default: return refuse(.float(bits: bitCount))
            }
            guard order != "|" else {
                return .failure(.init(.noByteOrder(descr: descr, bytes: size ?? 0)))
            }
            return .success(
                NPYDType(kind: kind, bigEndian: order == ">" || (order == "=" && hostBigEndian), descr: descr))
        case "b", "?": return refuse(.booleans)
        case "i": return refuse(.signed(bits: bitCount))
        case "u": return refuse(.unsigned(bits: bitCount))
        case "c": return refuse(.complex)
        case "O": return refuse(.objects)
        case "U": return refuse(.unicode)
        case "S", "a": return refuse(.bytes)
        case "V": return refuse(.records)
        case "M": return refuse(.datetimes)
        case "m": return refuse(.timedeltas)
        default: return refuse(.unknownCode)
        }
    }
}
