@testable import LabText

/// Samples of the expression language's errors: calls, indexing, shapes, syntax and limits.
extension CatalogSamples {
    /// The keys of `ExpressionMessage` that carry a group or the session's facts.
    static let expressionGroups: [ExpressionMessage] = [
        .call(.normOrder), .index(.tupleIndexOutOfRange), .shape(.catEmpty), .syntax(.emptyIndex),
        .limit(.interrupted), .padding(.noSuchLayer(name: "c_f_l3", layer: 3, count: 2)),
        .noStepYet(name: "i_f", forward: true, short: "fwd"), .noStepYet(name: "z_b", forward: false, short: "bwd"),
        .valuesDoNotFill(name: "h0", count: 7, shape: "[2, 3, 16]"),
        .gatesCount(name: "i_f", count: 11, expected: 192),
    ]

    static let expressionCall: [ExpressionCallMessage] = [
        .multipleValues(function: "sum", label: "dim"), .missingArgument(function: "reshape", label: "shape"),
        .argumentType(function: "cat", label: "tensors", expected: .tensors, got: .function("tanh")),
        .argumentType(function: "chunk", label: "chunks", expected: .int, got: .float),
        .argumentType(function: "mean", label: "keepdim", expected: .bool, got: .none),
        .argumentType(function: "full", label: "fill_value", expected: .number, got: .size),
        .argumentType(function: "add", label: "other", expected: .tensor, got: .function("torch")),
        .argumentType(function: "max", label: "dim", expected: .int, got: .tuple),
        .argumentType(function: "tanh", label: "input", expected: .tensor, got: .list),
        .argumentTooLarge(function: "zeros", label: "size", value: "1e+20"),
        .tooManyPositional(function: "tanh", takes: 1, given: 3),
        .tooManyPositional(function: "transpose", takes: 3, given: 5),
        .unexpectedKeyword(function: "sum", keyword: "axis"), .notCallable(type: .tensor),
        .notCallable(type: .none), .nameNotCallable(name: "torch"),
        .moduleNoAttribute(module: "torch.nn.functional", attribute: "sigmod", suggestion: "sigmoid"),
        .moduleNoAttribute(module: "torch", attribute: "lstm", suggestion: nil),
        .noAttribute(type: .tensor, attribute: "summ", suggestion: "sum"),
        .noAttribute(type: .tuple, attribute: "foo", suggestion: nil), .methodNotCalled(attribute: "sum"),
        .isFunction(name: "tanh"), .expectedTensor(got: .tuple), .cannotCallHere(name: "eye"),
        .arangeArgument(got: .none), .normOrder, .mmNeedsMatrices,
    ]

    static let expressionIndex: [ExpressionIndexMessage] = [
        .notSubscriptable(type: .function("tanh")), .notSubscriptable(type: .none), .tupleIndexIsTuple,
        .tupleIndexOutOfRange, .tupleIndexKind, .sliceStepZero, .sliceStepNegative, .floatIndex, .maskRank,
        .indexTensorType, .indexListRank, .indexNotFinite(value: "inf"), .singleEllipsis, .tooManyIndices(rank: 3),
        .maskShape(mask: 4, size: 5), .indexBroadcast(shapes: "[2], [3]"),
    ]

    static let expressionShape: [ExpressionShapeMessage] = [
        .permuteLength(rank: 3, dims: 2), .permuteDuplicate, .inferOnlyOne,
        .invalidDimension(size: -2, index: 1, shape: "[3, -2]"), .reshapeSize(shape: "[7]", size: 120),
        .dimRepeated(dim: 2), .chunkCount(chunks: -3), .chunkScalar, .catEmpty, .catScalar(position: 1),
        .catRank(first: 3, got: 2), .catSizes(dimension: 1, expected: 5, got: 7, tensor: 2), .stackEmpty,
        .stackSizes(first: "[3, 16]", got: "[3, 8]", entry: 4), .negativeSize(function: "zeros"),
        .eyeNegative(label: "m", got: -6), .arangeStepZero, .arangeSign, .literalLength(expected: 3, got: 2),
        .reductionEmpty(function: "argmax"), .matmulScalar(left: 0, right: 2), .dotSizes(left: 8, right: 16),
        .matrixVector(rows: 3, columns: 8, vector: 16), .expandRank(target: 1, tensor: 2),
        .expandedSize(target: 64, existing: 16, dimension: 1, targetShape: "[3, 64]", tensorShape: "[16]"),
        .transposeRank(rank: 3), .matrixTransposeRank(rank: 1), .flattenOrder, .itemCount(count: 120),
    ]

    static let expressionSyntax: [ExpressionSyntaxMessage] = [
        .tooLong(count: 5000, limit: 4096), .tooDeep(limit: 64), .chainedComparison, .attributeName(got: "3"),
        .positionalAfterKeyword, .emptyIndex, .invalidNumber(literal: "1e999"),
        .unexpectedCharacter(character: "'$'"), .unexpectedCharacter(character: "U+200B"),
        .keywordRepeated(label: "dim"),
    ]

    static let expressionReply: [ExpressionReplyMessage] = [
        .saved(expression: "h_f[:, 0]", shape: "[5, 16]", path: "/tmp/h.npy"),
        .saveNeedsTensor(expression: "x.shape", type: .size), .saveNeedsTensor(expression: "x.max(0)", type: .tuple),
        .letOverMemory(name: "big", need: "3.0 GiB", limit: "2.0 GiB"),
        .sparkNeedsSequence(expression: "x + 1", shape: "[3, 5, 8]"), .stopped, .tuple(name: "x.max(0)", count: 2),
        .tuple(name: "()", count: 0), .function(name: "tanh"), .module(name: "torch"), .noVariables,
        .integerValues, .booleanValues, .checkNotANumber(check: "x[0]"), .numberTakesNoIndex(name: "H"),
        .gateNeedsTwo(name: "i_f"), .timeIndexFirst(name: "c_f"), .nameIndexOutOfBounds(index: 99, name: "x", size: 8),
        .indexCount(name: "x", shape: "[3, 5, 8]", count: 3, given: 1),
    ]

    static let expressionLimit: [ExpressionLimitMessage] = [
        .interrupted, .tooManyToCount(what: .indexed, shape: "[4294967296, 4294967296]"),
        .tooManyToCount(what: .call(text: "zeros(9, 9)"), shape: "[9, 9]"),
        .memory(what: .product, shape: "[3, 5, 7]", need: "3.0 GiB", limit: "2.0 GiB"),
        .memory(what: .permuted, shape: "[11]", need: "3.1 GiB", limit: "2.1 GiB"),
        .memory(what: .reshaped, shape: "[13]", need: "3.2 GiB", limit: "2.2 GiB"),
        .memory(what: .flipped, shape: "[17]", need: "3.3 GiB", limit: "2.3 GiB"),
        .memory(what: .chunk, shape: "[19]", need: "3.4 GiB", limit: "2.4 GiB"),
        .memory(what: .concatenated, shape: "[23]", need: "3.5 GiB", limit: "2.5 GiB"),
        .memory(what: .literal, shape: "[29]", need: "3.6 GiB", limit: "2.6 GiB"),
        .compute(what: .result(op: "+"), need: "2.0 TFLOP", limit: "1.0 TFLOP"),
        .compute(what: .call(text: "sum(…)"), need: "2.1 TFLOP", limit: "1.1 TFLOP"),
        .batchTooMany(shape: "[65536, 65536, 65536]"), .arangeTooMany(count: "1e+20"),
    ]
}
