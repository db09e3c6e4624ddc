import Foundation
import LSTMCore
import LabText
import TensorExpr
import TensorFiles
import TermRender

/// `print`, `let`, `vars`, `unlet`, `save EXPR to PATH`, and expressions in
/// `show`, `heatmap`, `spark` and `watch`.
extension Interpreter {
    /// Evaluates `e` over the session within the memory and compute limits; Ctrl-C stops it.
    func evaluate(_ e: ExpressionText) throws -> Value {
        let budget = Budget(
            memoryLimit: session.settings.memoryLimit, computeLimit: session.settings.computeLimit,
            shouldCancel: context.shouldCancel)
        do {
            return try Evaluator.evaluate(e.text, in: SessionEnvironment(session: session), budget: budget)
        } catch let error where error.kind == .interrupted {
            throw Interrupted(unchanged: say(ExpressionReplyMessage.stopped))
        } catch {
            throw ExpressionFailure(error, in: e)
        }
    }

    /// `print EXPR`: a tensor through the same renderer as `show`, a scalar as a number.
    func printValue(_ e: ExpressionText) throws -> [Output] {
        outputs(try evaluate(e), named: e.text).map { output in
            guard case .tensor(var tv) = output else { return output }
            tv.padding = paddingMask(for: e, shape: tv.tensor.shape)
            return .tensor(tv)
        }
    }

    func outputs(_ v: Value, named name: String) -> [Output] {
        switch v {
        case .tensor(let t):
            if t.rank == 0, let x = t.data.first { return [.text(scalarText(x, integer: t.isInteger))] }
            return [.tensor(view(t, named: name))]
        case .tuple(let items), .list(let items):
            var out: [Output] = [.text(say(ExpressionReplyMessage.tuple(name: name, count: items.count)))]
            for (i, item) in items.enumerated() {
                let sub = outputs(item, named: "\(name)[\(i)]")
                if case .text(let s) = sub.first, sub.count == 1 {
                    out.append(.text("\(name)[\(i)] = \(s)"))
                } else {
                    out += sub
                }
            }
            return out
        case .size(let dims):
            return [.text(ExprFormat.torchSize(dims))]
        case .none:
            return [.text("None")]
        case .callable(let n):
            return [
                .text(say(Functions.all.contains(n) ? ExpressionReplyMessage.function(name: n) : .module(name: n)))
            ]
        }
    }

    func scalarText(_ x: Float, integer: Bool) -> String {
        if integer && x.isFinite && abs(x) < 1e15 { return String(Int(x)) }
        return NumberFormat.fixed(x, precision: session.settings.precision)
    }

    /// A tensor as `show` draws it, the expression as its name and its axes where known.
    func view(_ t: ExprTensor, named name: String) -> TensorView {
        let tensor = (try? Tensor(shape: t.shape, data: t.data)) ?? (try? Tensor(shape: [t.data.count], data: t.data))
        let axes =
            t.axes.allSatisfy(\.isEmpty)
            ? [] : t.axes.enumerated().map { $0.element.isEmpty ? "dim\($0.offset)" : $0.element }
        let kind: ExpressionReplyMessage? = t.isBool ? .booleanValues : (t.isInteger ? .integerValues : nil)
        var view = TensorView(
            name: name, tensor: tensor ?? (try? Tensor(shape: [0], data: [])) ?? Session.demo().input,
            axes: axes, caption: "", origin: "", details: kind.map { [say($0)] } ?? [])
        // Whole numbers only: a value too large to be exact in float32 keeps its decimals' form.
        view.integerValues = (t.isInteger || t.isBool) && t.data.allSatisfy { $0.isFinite && abs($0) < 1e15 }
        return view
    }

    /// `let NAME = EXPR`.
    mutating func assign(_ name: String, _ e: ExpressionText) throws -> [Output] {
        try checkVariableName(name)
        guard case .tensor(var t) = try evaluate(e) else {
            throw LabError(said: RefusalMessage.letNeedsTensor(expression: e.text))
        }
        t.pending = nil
        let others = session.variables.filter { $0.key != name }.values.reduce(0) { $0 + $1.data.count * 4 }
        let total = others + t.data.count * 4
        guard total <= session.settings.memoryLimit else {
            throw LabError(
                said: ExpressionReplyMessage.letOverMemory(
                    name: name, need: Session.formatBytes(total),
                    limit: Session.formatBytes(session.settings.memoryLimit)))
        }
        let replaced = session.variables[name] != nil
        session.variables[name] = t
        session.variableSources[name] = e.text
        return [
            .text(
                say(
                    ReplyMessage.defined(
                        name: name, shape: formatShape(t.shape), expression: e.text, replaced: replaced)))
        ]
    }

    private func checkVariableName(_ name: String) throws {
        let first = name.first
        guard let first, first == "_" || (first.isASCII && first.isLetter),
            name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
        else {
            throw LabError(said: RefusalMessage.notVariableName(name: Quote.word(name)))
        }
        guard name.count <= 64 else {
            throw LabError(said: RefusalMessage.variableNameTooLong(name: Quote.word(name)))
        }
        if SessionEnvironment.isBuiltIn(name) || Evaluator.reservedNames.contains(name) {
            throw LabError(said: RefusalMessage.builtInName(name: name))
        }
        if Functions.all.contains(name) || Functions.methods.contains(name) {
            throw LabError(said: RefusalMessage.functionName(name: name))
        }
        if session.variables[name] == nil && session.variables.count >= Session.maxVariables {
            throw LabError(said: RefusalMessage.tooManyVariables(limit: Session.maxVariables))
        }
    }

    /// `vars`: each variable with its shape and the expression that made it.
    var variablesText: String {
        guard !session.variables.isEmpty else { return say(ExpressionReplyMessage.noVariables) }
        let names = session.variables.keys.sorted()
        let width = names.map(\.count).max() ?? 1
        return names.map { n in
            let shape = formatShape(session.variables[n]?.shape ?? [])
            return NumberFormat.padRight(n, width) + "  " + shape + "  = " + (session.variableSources[n] ?? "")
        }.joined(separator: "\n")
    }

    mutating func unassign(_ name: String) throws -> [Output] {
        guard session.variables.removeValue(forKey: name) != nil else {
            throw LabError(
                said: RefusalMessage.notAVariable(
                    name: Quote.word(name), suggestion: Suggest.closest(to: name, in: Array(session.variables.keys)),
                    none: session.variables.isEmpty))
        }
        session.variableSources[name] = nil
        return [.text(say(ReplyMessage.dropped(name: name)))]
    }

    /// `save EXPR to PATH`: any tensor as a `.npy` file numpy and torch read back.
    func saveValue(_ e: ExpressionText, path: String) throws -> [Output] {
        let v = try evaluate(e)
        guard case .tensor(let t) = v else {
            throw LabError(said: ExpressionReplyMessage.saveNeedsTensor(expression: e.text, type: v.type))
        }
        let tensor = try Tensor(shape: t.shape, data: t.data)
        try NPY.write(tensor, path: path)
        return [.text(say(ExpressionReplyMessage.saved(expression: e.text, shape: formatShape(t.shape), path: path)))]
    }

    /// `show EXPR`, `heatmap EXPR`, `spark EXPR`.
    func expressionView(_ e: ExpressionText, as kind: ExpressionDisplay) throws -> [Output] {
        let v = try evaluate(e)
        guard case .tensor(let t) = v, t.rank > 0 else { return outputs(v, named: e.text) }
        var tv = view(t, named: e.text)
        tv.padding = paddingMask(for: e, shape: tv.tensor.shape)
        if let units = e.units { try cutColumns(&tv, units) }
        switch kind {
        case .show: return [.tensor(tv)]
        case .focus:
            tv.allColumns = true
            return [.tensor(tv)]
        case .heatmap: return [.heatmap(tv)]
        case .spark:
            guard t.rank <= 2 else {
                throw LabError(
                    said: ExpressionReplyMessage.sparkNeedsSequence(expression: e.text, shape: formatShape(t.shape)))
            }
            if t.rank == 1 {
                if (try? tv.reshape([t.shape[0], 1])) == nil { tv.padding = nil }
                tv.axes = [t.axes[0].isEmpty ? "t" : t.axes[0], "value"]
            } else if tv.axes.isEmpty {
                tv.axes = ["t", "unit"]
            }
            return [.sparklines(tv, unit: nil)]
        }
    }
}

/// How `show`, `heatmap` and `spark` draw an expression's tensor.
public enum ExpressionDisplay: Equatable, Sendable { case show, heatmap, spark, focus }
