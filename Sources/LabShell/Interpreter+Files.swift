import Foundation
import LSTMCore
import LabText
import TensorFiles
import TermRender

extension Interpreter {
    /// Loads a file into the session. Nothing is half-loaded: the new session
    /// is built aside and swapped in only when everything checked out.
    mutating func load(_ target: LoadTarget, path: String) throws -> [Output] {
        let limit = session.settings.memoryLimit
        var next = session
        let message: String
        switch target {
        case .weights:
            let contents = try SafeTensors.readWithMetadata(path: path, maxBytes: limit)
            let stacked = try StateDict.stackedParameters(from: contents.tensors, file: path)
            let p = stacked.layers[0]
            var s = next.sizes
            s.inputSize = p.inputSize
            s.hiddenSize = p.hiddenSize
            try next.checkMemory(s, layers: stacked.count)
            var notes: [String] = []
            if p.inputSize != next.sizes.inputSize {
                try next.checkCompute(Work.input(next.inputFill, s), "load weights with D=\(p.inputSize) (redrawing input \(next.inputFill.rawValue) at B=\(s.batch) T=\(s.length))")
                next.input = try Session.makeInput(next.inputFill, s, using: &next.generator, shouldCancel: context.shouldCancel,
                                                   unchanged: "weights not loaded (the model and input are as they were)")
                next.inputSource = .originRedrawnForWeights(command: "input \(next.inputFill.rawValue)", inputs: p.inputSize)
                next.text = nil
                notes.append("input redrawn for D=\(p.inputSize)")
            }
            if p.hiddenSize != next.sizes.hiddenSize || stacked.count != next.layerCount, next.h0 != nil || next.c0 != nil {
                next.h0 = nil
                next.c0 = nil
                notes.append("h0, c0 back to zeros for H=\(p.hiddenSize)")
            }
            notes += next.adoptMetadata(contents.metadata, of: p)
            next.parameters = p
            next.parametersSource = .originLoaded(path: path)
            next.upperLayers = Array(stacked.layers.dropFirst())
            next.sizes = s
            let layerText = stacked.count > 1
                ? "L=\(stacked.count) layers (layer 0 W_ih [\(4 * p.hiddenSize), \(p.inputSize)], layers 1…\(stacked.count - 1) W_ih [\(4 * p.hiddenSize), \(2 * p.hiddenSize)], W_hh [\(4 * p.hiddenSize), \(p.hiddenSize)] per direction)"
                : "(W_ih [\(4 * p.hiddenSize), \(p.inputSize)], W_hh [\(4 * p.hiddenSize), \(p.hiddenSize)] per direction)"
            message = "loaded weights from \(path): D=\(p.inputSize), H=\(p.hiddenSize) \(layerText)"
                + (notes.isEmpty ? "" : "; " + notes.joined(separator: ", "))
        case .input:
            let raw = try NPY.read(path: path, maxBytes: limit)
            let layout = next.settings.batchFirst ? "[B, T, D]" : "[T, B, D]"
            guard raw.rank == 3 else {
                throw FileFormatError(file: path, reason: "input must be \(layout) (3 dimensions), the file has shape \(formatShape(raw.shape))")
            }
            let x = next.settings.batchFirst ? raw : try raw.swappingFirstAxes()
            guard x.shape[2] == next.parameters.inputSize else {
                throw FileFormatError(file: path, reason: "input has D=\(x.shape[2]) features, the weights take D=\(next.parameters.inputSize) (shape \(formatShape(raw.shape)), layout \(layout))")
            }
            guard x.shape[0] > 0, x.shape[1] > 0 else {
                throw FileFormatError(file: path, reason: "input has an empty batch or sequence: shape \(formatShape(raw.shape))")
            }
            var s = next.sizes
            s.batch = x.shape[0]
            s.length = x.shape[1]
            try next.checkMemory(s)
            if s.batch != next.sizes.batch, next.h0 != nil || next.c0 != nil {
                next.h0 = nil
                next.c0 = nil
            }
            next.input = x
            next.inputSource = .originLoaded(path: path)
            next.text = nil
            next.sizes = s
            message = "loaded input from \(path): \(layout) = \(formatShape(raw.shape)), so B=\(s.batch), T=\(s.length)"
        case .head:
            return try loadHead(path: path)
        case .h0, .c0:
            let t = try NPY.read(path: path, maxBytes: limit)
            let expected = [2 * next.layerCount, next.sizes.batch, next.sizes.hiddenSize]
            let formula = next.layerCount > 1 ? "[2L, B, H]" : "[2, B, H]"
            guard t.shape == expected else {
                throw FileFormatError(file: path, reason: "\(target.rawValue) must be \(formula) = \(formatShape(expected)), the file has shape \(formatShape(t.shape))")
            }
            if target == .h0 { next.h0 = t } else { next.c0 = t }
            let order = next.layerCount > 1 ? "rows l0 fwd, l0 bwd, l1 fwd, … as nn.LSTM" : "index 0 forward, 1 backward"
            message = "loaded \(target.rawValue) from \(path): \(formatShape(t.shape)) (\(order))"
        }
        try next.rebuildStepper()
        session = next
        return [.text(message + "; cursors at the start")]
    }

    /// y, h_n, c_n (when every layer has finished) and each layer's per-step files,
    /// `l<l>_` in front when there are several layers; rows of a sequence past its length are 0.
    private func stackFiles(_ stack: StackedStepper) throws -> ([(String, Tensor)], [String]) {
        var files: [(String, Tensor)] = []
        var skipped: [String] = []
        if stack.isComplete {
            let y = stack.y()
            files.append(("y.npy", session.settings.batchFirst ? y : try y.swappingFirstAxes()))
            files.append(("h_n.npy", stack.finalStates()))
            files.append(("c_n.npy", stack.finalStates(cell: true)))
        } else {
            skipped.append("y, h_n, c_n (need every layer's directions finished)")
        }
        for l in 0..<stack.layerCount {
            let prefix = stack.layerCount > 1 ? "l\(l)_" : ""
            for d in Direction.allCases {
                guard stack.cursor(layer: l, d) > 0 else { skipped.append("\(prefix)\(d.short)_* (no steps yet)"); continue }
                files.append(("\(prefix)\(d.short)_gates_pre.npy", stack.trace(layer: l, d) { $0.gatesPre }))
                files.append(("\(prefix)\(d.short)_gates.npy", stack.trace(layer: l, d) { $0.gates }))
                files.append(("\(prefix)\(d.short)_c.npy", stack.trace(layer: l, d) { $0.c }))
                files.append(("\(prefix)\(d.short)_h.npy", stack.trace(layer: l, d) { $0.h }))
            }
        }
        return (files, skipped)
    }

    func saveWeights(path: String) throws -> [Output] {
        if session.layerCount > 1 {
            let stacked = try session.stackedParameters
            try SafeTensors.write(StateDict.tensors(of: stacked), metadata: ["format": "pt"], path: path)
            let h = session.parameters.hiddenSize, d = session.parameters.inputSize, l = stacked.count
            return [.text("saved weights to \(path): \(8 * l) tensors (weight_ih_l0 [\(4 * h), \(d)], weight_ih_l1…l\(l - 1) [\(4 * h), \(2 * h)], weight_hh_l<l> [\(4 * h), \(h)], bias_ih_l<l>, bias_hh_l<l> [\(4 * h)] and the _reverse ones); load in PyTorch with nn.LSTM(\(d), \(h), num_layers=\(l), bidirectional=True\(session.settings.batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…))")]
        }
        try SafeTensors.write(StateDict.tensors(of: session.parameters), metadata: ["format": "pt"], path: path)
        let h = session.parameters.hiddenSize, d = session.parameters.inputSize
        return [.text("saved weights to \(path): 8 tensors (weight_ih_l0 [\(4 * h), \(d)], weight_hh_l0 [\(4 * h), \(h)], bias_ih_l0, bias_hh_l0 [\(4 * h)] and the _reverse ones); load in PyTorch with nn.LSTM(\(d), \(h), bidirectional=True\(session.settings.batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…))")]
    }

    /// Writes what has been computed as .npy files into `dir` (created if needed).
    func export(to dir: String) throws -> [Output] {
        try Self.prepareFolder(dir)
        let st = session.stepper
        var files: [(String, Tensor)] = []
        var skipped: [String] = []
        if let stack = session.stack {
            (files, skipped) = try stackFiles(stack)
        } else if st.isComplete {
            let y = st.output.tensor
            files.append(("y.npy", session.settings.batchFirst ? y : try y.swappingFirstAxes()))
            files.append(("h_n.npy", try st.finalHidden()))
            files.append(("c_n.npy", try st.finalCell()))
        } else {
            skipped.append("y, h_n, c_n (need both directions finished: \(session.positionText))")
        }
        for d in Direction.allCases where session.stack == nil {
            guard st.cursor(d) > 0 else { skipped.append("\(d.short)_* (no steps yet)"); continue }
            files.append(("\(d.short)_gates_pre.npy", st.stackedTraces(d) { $0.gatesPre }))
            files.append(("\(d.short)_gates.npy", st.stackedTraces(d) { $0.gates }))
            files.append(("\(d.short)_c.npy", st.stackedTraces(d) { $0.c }))
            files.append(("\(d.short)_h.npy", st.stackedTraces(d) { $0.h }))
        }
        for (name, tensor) in files {
            if context.shouldCancel() {
                throw Interrupted(partial: "export interrupted; files written so far are complete, the rest were not written")
            }
            try NPY.write(tensor, path: (dir as NSString).appendingPathComponent(name))
        }
        var lines = ["exported to \(dir)/: " + files.map { "\($0.0) \(formatShape($0.1.shape))" }.joined(separator: ", ")]
        if !skipped.isEmpty { lines.append("    not written: " + skipped.joined(separator: "; ")) }
        lines.append("    per-step files are [steps, B, …] in processing order (index k = the k-th step of that direction)")
        return [.text(lines.joined(separator: "\n"))]
    }

}

extension Interpreter {
    /// Makes `dir` for an export (like numpy.save and mkdir without -p: the folder is made,
    /// its parents must exist); an existing folder is fine, an existing file is not.
    static func prepareFolder(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw LabError("\(dir): exists and is not a folder") }
        } else {
            let parent = (dir as NSString).deletingLastPathComponent
            var parentIsDir: ObjCBool = false
            if !parent.isEmpty {
                if !FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDir) {
                    throw LabError("\(dir): cannot create the folder: \(parent) does not exist (export makes only the last folder)")
                }
                if !parentIsDir.boolValue {
                    throw LabError("\(dir): cannot create the folder: \(Self.folderProblem(dir))")
                }
            }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
            } catch {
                throw LabError("\(dir): cannot create the folder: \(Self.folderProblem(dir))")
            }
        }
    }

    /// Why a folder cannot be created, in plain words (Foundation's own error reads
    /// "The operation could not be completed. (NSCocoaErrorDomain error 512.)").
    static func folderProblem(_ dir: String) -> String {
        var ancestor = (dir as NSString).deletingLastPathComponent
        while !ancestor.isEmpty && !FileManager.default.fileExists(atPath: ancestor) && ancestor != "/" {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if ancestor.isEmpty { ancestor = "." }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDir), isDir.boolValue else {
            return "\(ancestor) is not a folder"
        }
        guard FileManager.default.isWritableFile(atPath: ancestor) else { return "permission denied in \(ancestor)" }
        return "the file system refused it"
    }
}
