import LSTMCore
import LabText

extension TensorView {
    /// Whether the value at flat index `i` of `tensor` is padding (a mask of another shape is ignored).
    public func isPadded(_ i: Int) -> Bool { mask(i) == PaddingMark.padded }

    /// Whether the value at flat index `i` is not computed yet although its row is: with lengths each
    /// sequence runs on its own clock, so at one t some sequences have a value and others not yet.
    public func isPending(_ i: Int) -> Bool { mask(i) == PaddingMark.pending }

    private func mask(_ i: Int) -> Float {
        guard let mask = padding, mask.shape == tensor.shape, i >= 0, i < mask.data.count else { return 0 }
        return mask.data[i]
    }

    /// True when some value is padding.
    public var hasPadding: Bool {
        guard let mask = padding, mask.shape == tensor.shape else { return false }
        return mask.data.contains(PaddingMark.padded)
    }

    /// True when some value is padding or pending: such a view is drawn cell by cell.
    public var hasCellMarks: Bool {
        guard let mask = padding, mask.shape == tensor.shape else { return false }
        return mask.data.contains { $0 != 0 }
    }

    /// `tensor` and `padding` cut down together to `index` of `axis`.
    public mutating func select(axis: Int, index: Int) throws {
        if let mask = padding, mask.shape == tensor.shape {
            padding = try mask.selecting(axis: axis, index: index)
        } else {
            padding = nil
        }
        tensor = try tensor.selecting(axis: axis, index: index)
        if padding == nil { cellsKnown = false }
    }

    /// `tensor` and `padding` with their first two axes swapped.
    public mutating func swapFirstAxes() throws {
        if let mask = padding, mask.shape == tensor.shape {
            padding = try mask.swappingFirstAxes()
        } else {
            padding = nil
        }
        tensor = try tensor.swappingFirstAxes()
        if padding == nil { cellsKnown = false }
    }

    /// `tensor` and `padding` reshaped together.
    public mutating func reshape(_ shape: [Int]) throws {
        if let mask = padding, mask.shape == tensor.shape {
            padding = try mask.reshaped(shape)
        } else {
            padding = nil
        }
        tensor = try tensor.reshaped(shape)
        if padding == nil { cellsKnown = false }
    }
}

/// How the renderers mark padding.
enum PaddingMark {
    /// The values of a view's `padding` mask: a real computed value, padding, not computed yet.
    static let padded: Float = 1
    static let pending: Float = 2

    /// A table cell: `pad`, right-aligned like a number (`-` when a cell is narrower).
    static func cell(width: Int) -> String {
        width >= 3 ? NumberFormat.pad("pad", width) : NumberFormat.pad("-", width)
    }
    /// A heatmap cell (two columns) and a sparkline step (one).
    static let heatmapCell = "░░"
    static let sparkStep = "░"

    /// The legend line under a view's header when some value is padding.
    static func legend(_ view: TensorView, mark: String, options: RenderOptions) -> [String] {
        guard view.hasPadding else { return [] }
        return [
            "  " + options.paint(mark, .dim) + " "
                + PaddingMessage.legend.text(options.language)
        ]
    }
}
