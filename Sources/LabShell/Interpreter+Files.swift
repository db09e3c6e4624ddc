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
        case .weights: message = try loadWeights(path, into: &next, limit: limit)
        case .input: message = try loadInput(path, into: &next, limit: limit)
        case .head: return try loadHead(path: path)
        case .h0, .c0: message = try loadState(target, path, into: &next, limit: limit)
        }
        try next.rebuildStepper()
        session = next
        return [.text(say(ReplyMessage.cursorsAtStart(what: message)))]
    }

    /// `load weights FILE`: the model's sizes from the header's shapes, checked before its data is read;
    /// the input redrawn when D changes. Returns what was loaded.
    private func loadWeights(_ path: String, into next: inout Session, limit: Int) throws -> String {
        // The model's sizes from the header's shapes, checked before its data is read.
        var refusal: LabError?
        var misnamed: FileFormatError?
        let session = next
        let contents: SafeTensors.Contents
        do {
            contents = try SafeTensors.readWithMetadata(path: path, maxBytes: limit) { shapes in
                // The names first: a file of other tensors is refused before its data is read.
                do throws(FileFormatError) {
                    try StateDict.checkNames(Set(shapes.keys), file: path)
                } catch {
                    misnamed = error
                    return error.problem
                }
                guard let whh = shapes["weight_hh_l0"], whh.count == 2,
                    let wih = shapes["weight_ih_l0"], wih.count == 2
                else { return nil }
                var s = session.sizes
                (s.inputSize, s.hiddenSize) = (wih[1], whh[1])
                let layers = max(
                    1, shapes.keys.filter { $0.hasPrefix("weight_hh_l") && !$0.hasSuffix("_reverse") }.count)
                do throws(LabError) {
                    try session.checkMemory(s, layers: layers, what: Self.loadWhat(.weights, path, s))
                } catch {
                    refusal = error
                    return error
                }
                return nil
            }
        } catch {
            if let misnamed { throw misnamed }
            if let refusal { throw refusal }
            throw error
        }
        let stacked = try StateDict.stackedParameters(from: contents.tensors, file: path)
        let p = stacked.layers[0]
        var s = next.sizes
        s.inputSize = p.inputSize
        s.hiddenSize = p.hiddenSize
        try next.checkMemory(s, layers: stacked.count, what: Self.loadWhat(.weights, path, s))
        var notes: [String] = []
        if p.inputSize != next.sizes.inputSize {
            try next.checkCompute(
                Work.input(next.inputFill, s),
                say(
                    SessionErrorMessage.workLoadWeights(
                        inputs: p.inputSize, fill: next.inputFill.rawValue, batch: s.batch, length: s.length)))
            next.input = try Session.makeInput(
                next.inputFill, s, using: &next.generator, shouldCancel: context.shouldCancel,
                unchanged: say(SessionErrorMessage.weightsNotLoaded))
            next.inputSource = .originRedrawnForWeights(
                command: "input \(next.inputFill.rawValue)", inputs: p.inputSize)
            next.text = nil
            notes.append(say(FileReplyMessage.inputRedrawnFor(inputs: p.inputSize)))
        }
        if p.hiddenSize != next.sizes.hiddenSize || stacked.count != next.layerCount,
            next.h0 != nil || next.c0 != nil
        {
            next.h0 = nil
            next.c0 = nil
            notes.append(say(FileReplyMessage.initialStateZeroed(hidden: p.hiddenSize)))
        }
        notes += next.adoptMetadata(contents.metadata, of: p).map(say)
        next.parameters = p
        next.parametersSource = .originLoaded(path: path)
        next.upperLayers = Array(stacked.layers.dropFirst())
        next.sizes = s
        return say(
            FileReplyMessage.loadedWeights(
                path: path, inputs: p.inputSize, hidden: p.hiddenSize, layers: stacked.count > 1 ? stacked.count : nil,
                notes: notes.isEmpty ? nil : notes.joined(separator: say(FileReplyMessage.noteSeparator))))
    }

    /// `load input FILE.npy`: rank, D and the memory its B and T need, from the header, before the data is read.
    private func loadInput(_ path: String, into next: inout Session, limit: Int) throws -> String {
        let layout = next.settings.batchFirst ? "[B, T, D]" : "[T, B, D]"
        // Rank, D and the memory its B and T need, from the header, before the data is read.
        var refusal: LabError?
        let session = next
        let raw: Tensor
        do {
            raw = try NPY.read(path: path, maxBytes: limit) { shape in
                if let problem = Self.inputShapeProblem(
                    shape, layout: layout, inputSize: session.parameters.inputSize)
                {
                    return problem
                }
                var s = session.sizes
                (s.batch, s.length) = session.settings.batchFirst ? (shape[0], shape[1]) : (shape[1], shape[0])
                do throws(LabError) {
                    try session.checkMemory(s, what: Self.loadWhat(.input, path, s))
                } catch {
                    refusal = error
                    return error
                }
                return nil
            }
        } catch {
            if let refusal { throw refusal }
            throw error
        }
        if let problem = Self.inputShapeProblem(raw.shape, layout: layout, inputSize: next.parameters.inputSize) {
            throw FileFormatError(file: path, problem: problem)
        }
        let x = next.settings.batchFirst ? raw : try raw.swappingFirstAxes()
        var s = next.sizes
        s.batch = x.shape[0]
        s.length = x.shape[1]
        try next.checkMemory(s, what: Self.loadWhat(.input, path, s))
        if s.batch != next.sizes.batch, next.h0 != nil || next.c0 != nil {
            next.h0 = nil
            next.c0 = nil
        }
        next.input = x
        next.inputSource = .originLoaded(path: path)
        next.text = nil
        next.sizes = s
        return say(
            FileReplyMessage.loadedInput(
                path: path, layout: layout, shape: formatShape(raw.shape), batch: s.batch, length: s.length))
    }

    /// `load h0|c0 FILE.npy`: `[2L, B, H]` exactly.
    private func loadState(_ target: LoadTarget, _ path: String, into next: inout Session, limit: Int) throws -> String
    {
        let expected = [2 * next.layerCount, next.sizes.batch, next.sizes.hiddenSize]
        let formula = next.layerCount > 1 ? "[2L, B, H]" : "[2, B, H]"
        func problem(_ shape: [Int]) -> StateDictMessage {
            .stateShape(
                name: target.rawValue, formula: formula, expected: formatShape(expected), shape: formatShape(shape))
        }
        let t = try NPY.read(path: path, maxBytes: limit) { shape in shape == expected ? nil : problem(shape) }
        guard t.shape == expected else { throw FileFormatError(file: path, problem: problem(t.shape)) }
        if target == .h0 { next.h0 = t } else { next.c0 = t }
        return say(
            FileReplyMessage.loadedState(
                name: target.rawValue, path: path, shape: formatShape(t.shape), stacked: next.layerCount > 1))
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
            skipped.append(say(FileReplyMessage.finalNotWritten(position: nil)))
        }
        for l in 0..<stack.layerCount {
            let prefix = stack.layerCount > 1 ? "l\(l)_" : ""
            for d in Direction.allCases {
                guard stack.cursor(layer: l, d) > 0 else {
                    skipped.append(say(FileReplyMessage.noStepsYet(prefix: "\(prefix)\(d.short)")))
                    continue
                }
                files.append(("\(prefix)\(d.short)_gates_pre.npy", stack.trace(layer: l, d) { $0.gatesPre }))
                files.append(("\(prefix)\(d.short)_gates.npy", stack.trace(layer: l, d) { $0.gates }))
                files.append(("\(prefix)\(d.short)_c.npy", stack.trace(layer: l, d) { $0.c }))
                files.append(("\(prefix)\(d.short)_h.npy", stack.trace(layer: l, d) { $0.h }))
            }
        }
        return (files, skipped)
    }

    func saveWeights(path: String) throws -> [Output] {
        let stacked = session.layerCount > 1 ? try session.stackedParameters : nil
        if let stacked {
            try SafeTensors.write(StateDict.tensors(of: stacked), metadata: ["format": "pt"], path: path)
        } else {
            try SafeTensors.write(StateDict.tensors(of: session.parameters), metadata: ["format": "pt"], path: path)
        }
        return [
            .text(
                say(
                    FileReplyMessage.savedWeights(
                        path: path, inputs: session.parameters.inputSize, hidden: session.parameters.hiddenSize,
                        layers: stacked?.count, batchFirst: session.settings.batchFirst)))
        ]
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
            skipped.append(say(FileReplyMessage.finalNotWritten(position: session.positionText)))
        }
        for d in Direction.allCases where session.stack == nil {
            guard st.cursor(d) > 0 else {
                skipped.append(say(FileReplyMessage.noStepsYet(prefix: d.short)))
                continue
            }
            files.append(("\(d.short)_gates_pre.npy", st.stackedTraces(d) { $0.gatesPre }))
            files.append(("\(d.short)_gates.npy", st.stackedTraces(d) { $0.gates }))
            files.append(("\(d.short)_c.npy", st.stackedTraces(d) { $0.c }))
            files.append(("\(d.short)_h.npy", st.stackedTraces(d) { $0.h }))
        }
        let stale = Self.removeStaleTemporaries(in: dir)
        for (name, tensor) in files {
            if context.shouldCancel() {
                throw Interrupted(partial: say(FileReplyMessage.exportInterrupted))
            }
            let cancelled = context.shouldCancel
            var failure: FileFormatError?
            do {
                try NPY.write(tensor, path: PathName.join(dir, name), shouldCancel: cancelled)
            } catch {
                failure = error
            }
            if let failure {
                guard cancelled() else { throw failure }
                throw Interrupted(partial: say(FileReplyMessage.exportInterrupted))
            }
        }
        // A folder never mixes two states: what this export did not write of an earlier one goes.
        let written = Set(files.map(\.0))
        var removed: [String] = []
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted {
            Self.exportOrder($0) < Self.exportOrder($1)
        }
        for name in present where Self.isExportName(name) && !written.contains(name) {
            let path = PathName.join(dir, name)
            guard FileKind(path: path).isRegular, unlink(path) == 0 else { continue }
            removed.append(name)
        }
        let list =
            files.isEmpty
            ? nil : files.map { "\($0.0) \(formatShape($0.1.shape))" }.joined(separator: say(ListMessage.comma))
        var lines = [say(FileReplyMessage.exported(folder: PathName.asFolder(dir), files: list))]
        if !skipped.isEmpty {
            lines.append(
                say(FileReplyMessage.notWritten(parts: skipped.joined(separator: say(FileReplyMessage.partSeparator)))))
        }
        if !removed.isEmpty {
            lines.append(say(FileReplyMessage.removedEarlier(names: removed.joined(separator: say(ListMessage.comma)))))
        }
        if stale > 0 { lines.append(say(FileReplyMessage.removedTemporaries(count: stale))) }
        lines.append(say(FileReplyMessage.perStepNote))
        return [.text(lines.joined(separator: "\n"))]
    }

}

extension Interpreter {
    /// `load input x.npy (B=3 T=200 D=8 H=16)`: the command, its file and the sizes it would set, for refusals.
    static func loadWhat(_ target: LoadTarget, _ path: String, _ s: LSTMSizes) -> String {
        "load \(target.rawValue) \(path) (B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize))"
    }

    /// Why an input of `shape` cannot be loaded, judged from the file's header before its data is read.
    static func inputShapeProblem(_ shape: [Int], layout: String, inputSize: Int) -> StateDictMessage? {
        guard shape.count == 3 else { return .inputRank(layout: layout, shape: formatShape(shape)) }
        guard shape[2] == inputSize else {
            return .inputFeatures(inputs: shape[2], model: inputSize, shape: formatShape(shape), layout: layout)
        }
        guard shape[0] > 0, shape[1] > 0 else { return .inputEmpty(shape: formatShape(shape)) }
        return nil
    }

    /// The names `export` writes for one layer; with several layers each has an `l<k>_` prefix.
    static let exportNames: [String] =
        ["y.npy", "h_n.npy", "c_n.npy"]
        + Direction.allCases.flatMap { d in
            ["gates_pre", "gates", "c", "h"].map { "\(d.short)_\($0).npy" }
        }

    /// `name` without a layer prefix `l<digits>_`, if it has one.
    private static func baseName(_ name: String) -> String {
        guard name.hasPrefix("l"), let underscore = name.firstIndex(of: "_") else { return name }
        let digits = name[name.index(after: name.startIndex)..<underscore]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return name }
        return String(name[name.index(after: underscore)...])
    }

    /// Whether `export` could have written `name`. Only such files (and their temporaries) are ever removed.
    static func isExportName(_ name: String) -> Bool { exportNames.contains(baseName(name)) }

    /// The order files are listed in: layer, then as `exportNames`.
    static func exportOrder(_ name: String) -> (String, Int) {
        (
            name.count > baseName(name).count ? String(name.prefix(name.count - baseName(name).count)) : "",
            exportNames.firstIndex(of: baseName(name)) ?? exportNames.count
        )
    }

    /// Removes temporaries of our own naming (`.y.npy.tmp-1a2b…`) that a killed export left; returns how many.
    static func removeStaleTemporaries(in dir: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var count = 0
        for file in names where file.hasPrefix(".") {
            guard let end = file.range(of: ".tmp-", options: .backwards)?.lowerBound else { continue }
            let target = String(file[file.index(after: file.startIndex)..<end])
            guard isExportName(target), AtomicFile.isTemporary(file, of: target) else { continue }
            let path = PathName.join(dir, file)
            if FileKind(path: path).isRegular && unlink(path) == 0 { count += 1 }
        }
        return count
    }

    /// Makes `dir` for an export (like numpy.save and mkdir without -p: the folder is made,
    /// its parents must exist); an existing folder is fine, an existing file is not.
    static func prepareFolder(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw LabError(said: FileReplyMessage.notAFolder(path: dir)) }
        } else {
            // Like numpy.save and mkdir without -p: the folder is made, its parents must exist.
            let parent = PathName.parent(of: dir)
            var parentIsDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDir) {
                throw LabError(said: FileReplyMessage.parentMissing(path: dir, parent: parent))
            }
            if !parentIsDir.boolValue { throw LabError(said: Self.folderProblem(dir)) }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
            } catch {
                throw LabError(said: Self.folderProblem(dir))
            }
        }
    }

    /// Why a folder cannot be created, in plain words (Foundation's own error reads
    /// "The operation could not be completed. (NSCocoaErrorDomain error 512.)").
    static func folderProblem(_ dir: String) -> FileReplyMessage {
        var ancestor = PathName.parent(of: dir)
        while !FileManager.default.fileExists(atPath: ancestor) && ancestor != "/" && ancestor != "." {
            ancestor = PathName.parent(of: ancestor)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDir), isDir.boolValue else {
            return .ancestorNotFolder(path: dir, ancestor: ancestor)
        }
        guard FileManager.default.isWritableFile(atPath: ancestor) else {
            return .folderPermission(path: dir, ancestor: ancestor)
        }
        return .folderRefused(path: dir)
    }
}
