/// The bench report's words: its title, column headers and notes. Numbers come
/// formatted; mode names (`fused`, `per-gate`, `hoisted`) are what the learner types.
public enum BenchMessage: Localized, Equatable {
    case title(sizes: String, threads: Int, repeats: Int, mflop: String)
    case stackedTitle(sizes: String, lengths: String?, threads: Int, timed: Int, mflop: String)
    /// The column headers, each padded to its column's width by the report.
    case header(Column)
    case hoistedProducts(chunk: Int?)
    case fusedSpeedup(ratio: String)
    case runMedian(ms: String)
    case stackedRun(median: String, min: String, gflops: String)
    case timedSamples(parts: String, seconds: String)
    case interrupted
    case onSessionModel
    /// `lstmlab bench`: the BLAS library's kernels and whether the packed per-step kernel is there.
    case kernels(core: String, packed: Bool)

    public enum Column: CaseIterable, Sendable {
        case mode, median, min, gflops, step, products
    }

    public var english: String {
        switch self {
        case .title(let sizes, let threads, let repeats, let mflop):
            "bench \(sizes), threads \(threads), repeat \(repeats): a full bidirectional forward, \(mflop) MFLOP of products"
        case .stackedTitle(let sizes, let lengths, let threads, let timed, let mflop):
            "bench \(sizes), \(lengths.map { "lengths \($0)" } ?? "full lengths"), threads \(threads), \(timed) timed: "
                + "the lab's run, layer by layer, \(mflop) MFLOP of products"
        case .header(let c):
            switch c {
            case .mode: "mode"
            case .median: "median ms"
            case .min: "min ms"
            case .gflops: "GFLOP/s"
            case .step: "one step µs"
            case .products: "products per step"
            }
        case .hoistedProducts(let chunk):
            switch chunk {
            case nil: "1 (+ x·W_ihᵀ for all t up front)"
            case 1: "1 (+ x·W_ihᵀ of each t, into z)"
            case let n?: "1 (+ x·W_ihᵀ for \(n) t at a time)"
            }
        case .fusedSpeedup(let ratio):
            "fused is \(ratio)× the speed of per-gate here (same numbers, 2 products per step instead of 8)"
        case .runMedian(let ms): "run (hoisted, keeping every step's trace): median \(ms) ms"
        case .stackedRun(let median, let min, let gflops):
            "run (hoisted, keeping every step's trace): median \(median) ms, min \(min) ms, \(gflops) GFLOP/s"
        case .timedSamples(let parts, let seconds):
            "timed samples: \(parts) (each part stops after about \(seconds) s; 'bench repeat R' times exactly R)"
        case .interrupted: "interrupted: the numbers cover what was timed before Ctrl-C"
        case .onSessionModel:
            "on the session's weights and input (a shape after 'bench' times a model drawn from a fixed seed)"
        case .kernels(let core, let packed):
            "kernels: OpenBLAS (\(core) kernels)"
                + (packed ? ", packed-weight AVX-512 kernel for the per-step products" : "")
        }
    }

    public var chinese: String {
        switch self {
        case .title(let sizes, let threads, let repeats, let mflop):
            "bench \(sizes)，threads \(threads)，repeat \(repeats)：一次完整的双向前向计算，矩阵乘法共 \(mflop) MFLOP"
        case .stackedTitle(let sizes, let lengths, let threads, let timed, let mflop):
            "bench \(sizes)，\(lengths.map { "lengths \($0)" } ?? "序列都是完整长度")，threads \(threads)，计时 \(timed) 次："
                + "实验室的 run，逐层计算，矩阵乘法共 \(mflop) MFLOP"
        case .header(let c):
            switch c {
            case .mode: "模式"
            case .median: "中位数 ms"
            case .min: "最短 ms"
            case .gflops: "GFLOP/s"
            case .step: "每步 µs"
            case .products: "每步矩阵乘法次数"
            }
        case .hoistedProducts(let chunk):
            switch chunk {
            case nil: "1（另外一开始就算好全部 t 的 x·W_ihᵀ）"
            case 1: "1（另外每个 t 的 x·W_ihᵀ 直接算进 z）"
            case let n?: "1（另外每次算 \(n) 个 t 的 x·W_ihᵀ）"
            }
        case .fusedSpeedup(let ratio):
            "这里 fused 的速度是 per-gate 的 \(ratio) 倍（结果相同，每步 2 次矩阵乘法而不是 8 次）"
        case .runMedian(let ms): "run（hoisted，保留每一步的记录）：中位数 \(ms) ms"
        case .stackedRun(let median, let min, let gflops):
            "run（hoisted，保留每一步的记录）：中位数 \(median) ms，最短 \(min) ms，\(gflops) GFLOP/s"
        case .timedSamples(let parts, let seconds):
            "计时次数：\(parts)（每部分大约 \(seconds) 秒后停止；bench repeat R 正好计时 R 次）"
        case .interrupted: "已中断：这些数字只包括按 Ctrl-C 之前计时的部分"
        case .onSessionModel: "用的是本会话的权重和输入（bench 后面给出形状时，计时的是用固定种子生成的模型）"
        case .kernels(let core, let packed):
            "计算内核：OpenBLAS（\(core) 内核）" + (packed ? "，每步的矩阵乘法用打包权重的 AVX-512 内核" : "")
        }
    }
}
