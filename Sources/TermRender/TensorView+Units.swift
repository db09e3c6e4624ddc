import LSTMCore

extension TensorView {
    /// The index printed for column `c` of the last axis: its index in the whole view before
    /// `keepColumns` cut it (`show h_f u=6..9` labels its columns 6 7 8 9).
    public func columnLabel(_ c: Int) -> Int {
        guard let indices = columnIndices, c >= 0, c < indices.count else { return c }
        return indices[c]
    }

    /// The index printed for row `r` of a weight's gate blocks (after `keepRows`).
    public func rowLabel(_ r: Int) -> Int {
        guard let indices = rowIndices, r >= 0, r < indices.count else { return r }
        return indices[r]
    }

    /// Keeps `columns` (ascending, in range) of the last axis: the tensor, its padding, and each
    /// column group cut to the columns it still holds, labelled with their first and last index.
    public mutating func keepColumns(_ columns: [Int]) throws {
        let n = tensor.shape.last ?? 0
        let keep = columns.filter { $0 >= 0 && $0 < n }
        let labels = keep.map(columnLabel)
        tensor = try Self.gather(tensor, axis: tensor.rank - 1, keep)
        if let mask = padding, mask.shape.last == n { padding = try Self.gather(mask, axis: mask.rank - 1, keep) }
        columnGroups = Self.cut(columnGroups, keep, labels)
        columnIndices = labels
    }

    /// Keeps `rows` (ascending, in range) of axis 0 of a weight matrix, its row groups cut likewise.
    public mutating func keepRows(_ rows: [Int], groupLabel: (LabelledRange, _ first: Int, _ last: Int) -> String)
        throws
    {
        let n = tensor.shape.first ?? 0
        let keep = rows.filter { $0 >= 0 && $0 < n }
        let labels = keep.map(rowLabel)
        tensor = try Self.gather(tensor, axis: 0, keep)
        padding = nil
        rowGroups = rowGroups.compactMap { g in
            let inside = keep.indices.filter { g.range.contains(keep[$0]) }
            guard let first = inside.first, let last = inside.last else { return nil }
            var cut = g
            cut.range = first..<(last + 1)
            cut.label = groupLabel(g, labels[first], labels[last])
            return cut
        }
        rowIndices = labels
    }

    /// Groups cut to the kept columns they hold, named by the indices they print.
    static func cut(_ groups: [LabelledRange], _ keep: [Int], _ labels: [Int]) -> [LabelledRange] {
        groups.compactMap { g in
            let inside = keep.indices.filter { g.range.contains(keep[$0]) }
            guard let first = inside.first, let last = inside.last else { return nil }
            var cut = g
            cut.range = first..<(last + 1)
            if !g.label.isEmpty {
                let span = labels[first] == labels[last] ? "\(labels[first])" : "\(labels[first])..\(labels[last])"
                var words = g.label.split(separator: " ").map(String.init)
                if let last = words.last, last.contains("..") { words.removeLast() }
                cut.label = (words + [span]).joined(separator: " ")
            }
            return cut
        }
    }

    /// `t` with only `indices` of `axis`, in that order.
    static func gather(_ t: Tensor, axis: Int, _ indices: [Int]) throws -> Tensor {
        guard axis >= 0, axis < t.rank else { return t }
        let inner = t.shape[(axis + 1)...].reduce(1, *)
        let outer = t.shape[..<axis].reduce(1, *)
        let n = t.shape[axis]
        var data: [Float] = []
        data.reserveCapacity(outer * indices.count * inner)
        for o in 0..<outer {
            for i in indices {
                let base = (o * n + i) * inner
                data += t.data[base..<(base + inner)]
            }
        }
        var shape = t.shape
        shape[axis] = indices.count
        return try Tensor(shape: shape, data: data)
    }
}
