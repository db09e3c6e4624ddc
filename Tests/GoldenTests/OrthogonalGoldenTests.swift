import LSTMCore
import TensorFiles
import Testing

/// `Initializer.orthogonal` is `nn.init.orthogonal_` (QR of a Gaussian, sign-fixed
/// by diag R), checked on the same Gaussian draws: make_golden.py ports the
/// SeededGenerator and runs torch's algorithm on its normals.
@Suite struct OrthogonalGoldenTests {
    @Test(arguments: [(UInt64(0), 12, 3), (1, 64, 16), (2, 3, 7), (3, 5, 5)])
    func orthogonalMatchesTorchsAlgorithmOnTheSameDraws(seed: UInt64, rows: Int, cols: Int) throws {
        let expected = try NPY.read(path: "\(Fixture.root)/orthogonal/seed\(seed)_\(rows)x\(cols).npy")
        var g = SeededGenerator(seed: seed)
        let w = Initializer.orthogonal(rows: rows, cols: cols, using: &g)
        expectClose(w.tensor, expected, "orthogonal seed \(seed) [\(rows), \(cols)]")
    }
}
