import Testing

@testable import LabShell

/// Issue 14: results of integer-only expressions print without decimals, as
/// PyTorch prints an int64 tensor (`tensor([2, 3])`); float results keep the
/// session's precision.
@Suite struct IntegerPrintTests {
    func printed(_ expression: String) -> String {
        var lab = Lab()
        let result = lab.handle("print " + expression)
        return result.error.map { "error: " + $0 } ?? result.output
    }

    @Test func integerTensorsHaveNoDecimals() {
        #expect(printed("[1, 2] + 1") == "[1, 2] + 1  [2]\n  values (integers)\n  0 1\n  2 3")
        #expect(printed("arange(3) * -1") == "arange(3) * -1  [3]\n  values (integers)\n   0  1  2\n   0 -1 -2")
        #expect(
            printed("[[1, 2], [3, 4]] @ [[1], [1]]")
                == "[[1, 2], [3, 4]] @ [[1], [1]]  [2, 1]\n  values (integers)\n          0\n  row=0 │ 3\n  row=1 │ 7")
        #expect(
            printed("arange(6).reshape(2, 3).sum(dim=0)")
                == "arange(6).reshape(2, 3).sum(dim=0)  [3]\n  values (integers)\n  0 1 2\n  3 5 7")
        #expect(printed("[1, 2] == [1, 3]") == "[1, 2] == [1, 3]  [2]\n  values (1 = true, 0 = false)\n  0 1\n  1 0")
    }

    @Test func scalarsAndSizesAsPyTorch() {
        #expect(printed("x.shape") == "torch.Size([3, 5, 8])")
        #expect(printed("2 ** 3") == "8")
        #expect(printed("x.shape[0] * 2") == "6")
    }

    @Test func floatResultsKeepThePrecision() {
        #expect(printed("[1, 2] / 2") == "[1, 2] / 2  [2]\n       0      1\n  0.5000 1.0000")
        #expect(printed("[1, 2] * 1.5") == "[1, 2] * 1.5  [2]\n       0      1\n  1.5000 3.0000")
        #expect(
            printed("torch.tensor([1.0, 2.0])") == "torch.tensor([1.0, 2.0])  [2]\n       0      1\n  1.0000 2.0000")
        #expect(printed("eye(2)").hasSuffix("row=0 │ 1.0000 0.0000\n  row=1 │ 0.0000 1.0000"))
    }
}
