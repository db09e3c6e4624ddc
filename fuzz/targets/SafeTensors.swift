// libFuzzer target: the safetensors reader and the state_dict check behind `load weights`.
import LSTMCore
import TensorFiles

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafeTensors(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let tensors: [String: Tensor]
    do {
        tensors = try SafeTensors.decode(input, file: "fuzz.safetensors", maxBytes: 1 << 20)
    } catch {
        require(!error.reason.isEmpty, "error without a reason")
        return 0
    }
    for (name, t) in tensors {
        require(Tensor.elementCount(t.shape) == t.count, "\(name): shape \(t.shape) with \(t.count) values")
    }
    do {
        let p = try StateDict.parameters(from: tensors, file: "fuzz.safetensors")
        require(
            p.forward.wIH.rows == 4 * p.hiddenSize && p.backward.wHH.cols == p.hiddenSize, "inconsistent parameters")
        let again = try SafeTensors.decode(
            SafeTensors.encode(StateDict.tensors(of: p)), file: "again", maxBytes: 1 << 22)
        require(again.count == 8, "round trip lost tensors")
    } catch {
        require(!"\(error)".isEmpty, "error without a reason")
    }
    return 0
}
