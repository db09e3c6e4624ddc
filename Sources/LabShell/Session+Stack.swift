import LSTMCore
import LSTMKernels
import LabText

/// Layers and lengths in the session: `stack` holds the stacked, variable-length
/// stepper whenever the model has more than one layer or the batch has lengths;
/// `stepper` is then the chosen layer seen as a single-layer stepper, so every
/// single-layer view shows that layer.
extension Session {
    /// L, 1…8.
    public var layerCount: Int { 1 + upperLayers.count }

    /// Every layer's parameters.
    public var stackedParameters: StackedParameters {
        get throws { try StackedParameters(layers: [parameters] + upperLayers) }
    }

    /// Whether steps go through the stack (more than one layer, or lengths).
    public var isStacked: Bool { !upperLayers.isEmpty || lengths != nil }

    /// Makes `stack` for the current model, input, initial state and lengths (cursors at
    /// the start), or drops it for a plain single-layer full-length batch.
    mutating func rebuildStack() throws {
        if let l = lengths, l.batch != input.shape[0] || l.paddedLength != input.shape[1] { lengths = nil }
        layer = min(layer, layerCount - 1)
        guard isStacked else {
            stack = nil
            return
        }
        stack = try StackedStepper(
            parameters: stackedParameters, input: input, lengths: lengths, h0: h0, c0: c0,
            packed: settings.packed, mode: settings.mode, variant: settings.variant,
            engine: FastEngine.named(settings.engine))
        try syncLayerView()
    }

    /// Shows the chosen layer of `stack` through `stepper`.
    mutating func syncLayerView() throws {
        guard let stack else { return }
        stepper = try stack.layerView(layer)
    }

    /// `l1 fwd 2/5 bwd 0/5` (the layer only with L > 1; the count is the longest sequence's length).
    func stackPositionText(_ s: StackedStepper) -> String {
        let n = s.stepCount
        let prefix = s.layerCount > 1 ? "l\(layer) " : ""
        return prefix + "fwd \(s.cursor(layer: layer, .forward))/\(n) bwd \(s.cursor(layer: layer, .backward))/\(n)"
    }

    /// Refuses sizes whose memory estimate, for `layers` layers, exceeds the limit:
    /// each layer holds its own traces, so the estimate grows with L.
    func checkMemory(_ s: LSTMSizes, layers: Int, what: String? = nil) throws(LabError) {
        try checkMemory(s, what: what)
        guard layers > 1 else { return }
        var upper = s
        upper.inputSize = 2 * s.hiddenSize
        let sizes = "B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize)"
        guard let one = s.estimatedBytes, let each = upper.estimatedBytes else {
            throw LabError(said: SessionErrorMessage.layersTooLargeToCount(sizes: sizes, layers: layers))
        }
        let (more, o1) = each.multipliedReportingOverflow(by: layers - 1)
        let (bytes, o2) = one.addingReportingOverflow(more)
        if o1 || o2 || bytes > settings.memoryLimit {
            throw LabError(
                said: SessionErrorMessage.layersTooLarge(
                    what: what ?? sizes, named: what != nil, layers: layers,
                    bytes: o1 || o2 ? nil : Session.formatBytes(bytes),
                    limit: Session.formatBytes(settings.memoryLimit)))
        }
        try Session.probeAllocation(
            bytes, what: what ?? "sizes B=\(s.batch) T=\(s.length) D=\(s.inputSize) H=\(s.hiddenSize) L=\(layers)")
    }

    /// The chosen layer's parameters (what `stepper` steps).
    public var layerParameters: BiLSTMParameters {
        layer > 0 && layer <= upperLayers.count ? upperLayers[layer - 1] : parameters
    }

    /// The chosen layer's rows `[2, B, H]` of a `[2L, B, H]` state (the state itself with one layer).
    func layerRows(_ state: Tensor?) -> Tensor? {
        guard let state, state.rank == 3, state.shape[0] > 2 else { return state }
        let n = 2 * state.shape[1] * state.shape[2]
        let start = min(layer, state.shape[0] / 2 - 1) * n
        return try? Tensor(shape: [2, state.shape[1], state.shape[2]], data: Array(state.data[start..<(start + n)]))
    }

    /// Layer 0's rows `[2, B, H]` of a `[2L, B, H]` state.
    func layerZeroRows(_ state: Tensor?) -> Tensor? {
        guard let state, state.rank == 3, state.shape[0] > 2 else { return state }
        let n = 2 * state.shape[1] * state.shape[2]
        return try? Tensor(shape: [2, state.shape[1], state.shape[2]], data: Array(state.data[0..<n]))
    }

    /// The shape of `h0`/`c0`/`h_n`/`c_n`: `[2L, B, H]`.
    var stateShape: [Int] { [2 * layerCount, input.shape[0], parameters.hiddenSize] }
}
