import Foundation
import LSTMCore

// A stand-in safetensors reader for the fixtures until TensorFiles'
// SafeTensors/StateDict land on main (.npy already goes through TensorFiles):
// just enough for the F32 files make_golden.py wrote. Test code only.

enum FixtureFileError: Error, CustomStringConvertible {
    case malformed(String, path: String)
    var description: String {
        switch self { case .malformed(let why, let path): "\(path): \(why)" }
    }
}

enum SafeTensors {
    static func read(path: String) throws -> [String: Tensor] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var n = 0
        for i in 0..<8 { n |= Int(bytes[i]) << (8 * i) }
        let json = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + n)]))
        guard let entries = json as? [String: Any] else { throw FixtureFileError.malformed("header is not an object", path: path) }
        var out: [String: Tensor] = [:]
        for (name, value) in entries where name != "__metadata__" {
            guard let e = value as? [String: Any], e["dtype"] as? String == "F32",
                  let shape = e["shape"] as? [Int], let offsets = e["data_offsets"] as? [Int], offsets.count == 2 else {
                throw FixtureFileError.malformed("entry \(name)", path: path)
            }
            out[name] = try Tensor(shape: shape, data: floats(bytes[(8 + n + offsets[0])..<(8 + n + offsets[1])]))
        }
        return out
    }
}

enum StateDict {
    /// `nn.LSTM(bidirectional=True)` state_dict names → parameters.
    static func parameters(from tensors: [String: Tensor], file: String) throws -> BiLSTMParameters {
        func direction(_ suffix: String, _ name: String) throws -> DirectionParameters {
            func get(_ key: String) throws -> Tensor {
                guard let t = tensors[key + suffix] else { throw FixtureFileError.malformed("missing \(key + suffix)", path: file) }
                return t
            }
            return try DirectionParameters(wIH: get("weight_ih_l0"), wHH: get("weight_hh_l0"),
                                           bIH: get("bias_ih_l0"), bHH: get("bias_hh_l0"), name: name)
        }
        return try BiLSTMParameters(forward: direction("", "forward"), backward: direction("_reverse", "backward"))
    }
}

private func floats(_ bytes: ArraySlice<UInt8>) -> [Float] {
    let base = bytes.startIndex
    return (0..<(bytes.count / 4)).map { i in
        let o = base + 4 * i
        let bits = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
        return Float(bitPattern: bits)
    }
}
