import TermRender

extension Interpreter {
    /// How outputs are drawn: the front's width and colour, the session's precision and language.
    public var renderOptions: RenderOptions {
        RenderOptions(
            precision: session.settings.precision, width: width, color: color, language: session.settings.language)
    }

    /// Outputs as text, as the terminal shows them (a lesson's lab line shows the same).
    func render(_ outputs: [Output]) -> String {
        outputs.map { Renderer.render($0, options: renderOptions) }.joined(separator: "\n")
    }
}
