import LSTMCore
import TermRender

// Interim: file commands arrive with TensorFiles' safetensors reader.
extension Interpreter {
    mutating func load(_ target: LoadTarget, path: String) throws -> [Output] { throw LabError("load is not available in this build yet") }
    func saveWeights(path: String) throws -> [Output] { throw LabError("save is not available in this build yet") }
    func export(to dir: String) throws -> [Output] { throw LabError("export is not available in this build yet") }
    func bench(_ sizes: LSTMSizes?, repeats: Int?) throws -> [Output] { throw LabError("bench is not available in this build yet") }
}
