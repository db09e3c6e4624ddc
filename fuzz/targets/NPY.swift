// libFuzzer target: the .npy reader. A decoded tensor must be consistent and
// survive an encode/decode round trip.
import LSTMCore
import TensorFiles

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do {
        let t = try NPY.decode(input, file: "fuzz.npy", maxBytes: 1 << 20)
        require(Tensor.elementCount(t.shape) == t.count, "shape \(t.shape) with \(t.count) values")
        let again = try NPY.decode(NPY.encode(t), file: "again.npy", maxBytes: 1 << 22)
        require(again.shape == t.shape, "round trip changed the shape")
    } catch {
        require(
            !error.reason.isEmpty && error.file == "fuzz.npy" || error.file == "again.npy", "error without a reason")
    }
    return 0
}
