/// Turns interpreter outputs into text.
public enum Renderer {
    public static func render(_ output: Output, options: RenderOptions) -> String {
        switch output {
        case .text(let s):
            return s
        case .tensor(let view):
            return TensorRenderer.render(view, options: options)
        case .gates(let view):
            return GateRenderer.render(view, options: options)
        case .heatmap(let view):
            return TensorRenderer.render(view, options: options)
        case .sparklines(let view, _):
            return TensorRenderer.render(view, options: options)
        case .diagram(let state):
            return "diagram: T=\(state.length), fwd \(state.forwardSteps)/\(state.length), bwd \(state.backwardSteps)/\(state.length)"
        }
    }
}
