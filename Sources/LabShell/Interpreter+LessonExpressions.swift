import LessonKit
import TensorExpr

extension Interpreter {
    /// An answer read as a PyTorch-style expression over the live session
    /// (`answer c_f[:, 0, 3].sum()`, `answer sigmoid(z_f[0, 2])`): what the
    /// lessons' calculator cannot read goes here.
    public func expressionNumber(_ text: String) -> Double? {
        AnswerNumber.evaluate(text, in: SessionEnvironment(session: session))
    }
}
