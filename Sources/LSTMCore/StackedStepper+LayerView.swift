extension StackedStepper {
    /// `layer` seen as a single-layer stepper, so every single-layer view (gates,
    /// traces, h_f, the diagram, …) shows it: its input (x for layer 0, the layer
    /// below's y above it, 0 where not computed), its initial state and its steps.
    ///
    /// Each trace's `t` is the time its step read in a full-length sequence
    /// (`timeIndex(step:length:)`); with lengths, a sequence's own times are
    /// `steps[layer][d][k].times` (the views that depend on them ask the stack).
    public func layerView(_ layer: Int) throws -> BidirectionalStepper {
        let p = parameters.layers[layer]
        let layerInput: Tensor
        if layer == 0 {
            layerInput = input
        } else {
            layerInput = y(layer: layer - 1)
        }
        let states = initialStates[layer]
        let shape = [2, batch, hiddenSize]
        var view = try BidirectionalStepper(
            parameters: p, input: layerInput,
            h0: Tensor(uncheckedShape: shape, data: states.flatMap(\.h.data)),
            c0: Tensor(uncheckedShape: shape, data: states.flatMap(\.c.data)),
            mode: mode, variant: variant, engine: engine, reusing: templates[layer])
        for d in Direction.allCases {
            view.traces[d] = steps[layer][d.rawValue].enumerated().map { k, step in
                StepTrace(
                    t: d.timeIndex(step: k, length: length), storage: step.trace.storage, slot: step.trace.slot,
                    products: step.trace.products, mode: step.trace.mode, variant: step.trace.variant)
            }
        }
        return view
    }
}
