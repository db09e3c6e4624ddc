/// The replies of the file commands (`load`, `save weights`, `export`, `export pytorch`, `record`)
/// and their refusals that are not about a file's contents.
public enum FileReplyMessage: Localized, Equatable {
    /// `load weights`: the sizes read from the file (`layers` nil: one layer); `notes` already joined.
    case loadedWeights(path: String, inputs: Int, hidden: Int, layers: Int?, notes: String?)
    case inputRedrawnFor(inputs: Int)
    case initialStateZeroed(hidden: Int)
    case alphabetFromMetadata(alphabet: String)
    case alphabetIgnored(alphabet: String, inputs: Int)
    case headDropped(takes: Int, model: Int)
    case loadedInput(path: String, layout: String, shape: String, batch: Int, length: Int)
    /// `load h0|c0`: `stacked` when there are several layers (rows l0 fwd, l0 bwd, …).
    case loadedState(name: String, path: String, shape: String, stacked: Bool)
    case savedWeights(path: String, inputs: Int, hidden: Int, layers: Int?, batchFirst: Bool)
    /// `export DIR`: `files` nil when nothing was written.
    case exported(folder: String, files: String?)
    case notWritten(parts: String)
    /// Between the parts of `notWritten`.
    case partSeparator
    /// y, h_n, c_n were not written: `position` nil with layers (every layer's directions).
    case finalNotWritten(position: String?)
    case noStepsYet(prefix: String)
    case removedEarlier(names: String)
    case removedTemporaries(count: Int)
    case perStepNote
    case exportInterrupted
    case notAFolder(path: String)
    case parentMissing(path: String, parent: String)
    case ancestorNotFolder(path: String, ancestor: String)
    case folderPermission(path: String, ancestor: String)
    case folderRefused(path: String)
    case exportedPyTorch(folder: String, files: String, script: String, model: String, packed: Bool, head: String?)
    case pytorchNeedsCorrect
    /// `layers`: every layer's directions must be finished, not only the two of one layer.
    case pytorchNeedsFinished(position: String, layers: Bool)
    case loadedHead(path: String, classes: Int, hidden: Int, names: String, named: Bool)
    case recordInLesson
    case nothingRecorded
    case recordNotWritten(path: String)
    case wroteRecording(path: String, commands: Int)
    case alreadyRecording(path: String)
    case recordFolderMissing(path: String, folder: String)
    case recordingTo(path: String)
    /// The title of a transcript.
    case transcriptTitle
    /// The two lines of `check.py` (Python) that print a tensor's difference and the verdict.
    case checkRowPrint
    case checkVerdictPrint
    /// `lstmlab FOLDER`: a script was asked for.
    case folderNotScript
    /// Between the notes of a reply (`input redrawn for D=4, h0, c0 back to zeros`).
    case noteSeparator

    public var english: String {
        switch self {
        case .loadedWeights(let path, let d, let h, let layers, let notes):
            "loaded weights from \(path): D=\(d), H=\(h) "
                + (layers.map {
                    "L=\($0) layers (layer 0 W_ih [\(4 * h), \(d)], layers 1…\($0 - 1) W_ih [\(4 * h), \(2 * h)], W_hh [\(4 * h), \(h)] per direction)"
                } ?? "(W_ih [\(4 * h), \(d)], W_hh [\(4 * h), \(h)] per direction)") + (notes.map { "; " + $0 } ?? "")
        case .inputRedrawnFor(let d): "input redrawn for D=\(d)"
        case .initialStateZeroed(let h): "h0, c0 back to zeros for H=\(h)"
        case .alphabetFromMetadata(let a): "alphabet \(a) from the file's metadata (for input text)"
        case .alphabetIgnored(let a, let d): "the metadata's alphabet \(a) does not fit D=\(d) and is ignored"
        case .headDropped(let takes, let model): "head removed (it takes 2H=\(takes), the model has 2H=\(model))"
        case .loadedInput(let path, let layout, let shape, let b, let t):
            "loaded input from \(path): \(layout) = \(shape), so B=\(b), T=\(t)"
        case .loadedState(let name, let path, let shape, let stacked):
            "loaded \(name) from \(path): \(shape) ("
                + (stacked ? "rows l0 fwd, l0 bwd, l1 fwd, … as nn.LSTM" : "index 0 forward, 1 backward") + ")"
        case .savedWeights(let path, let d, let h, let layers, let batchFirst):
            if let l = layers {
                "saved weights to \(path): \(8 * l) tensors (weight_ih_l0 [\(4 * h), \(d)], weight_ih_l1…l\(l - 1) [\(4 * h), \(2 * h)], weight_hh_l<l> [\(4 * h), \(h)], bias_ih_l<l>, bias_hh_l<l> [\(4 * h)] and the _reverse ones); load in PyTorch with nn.LSTM(\(d), \(h), num_layers=\(l), bidirectional=True\(batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…))"
            } else {
                "saved weights to \(path): 8 tensors (weight_ih_l0 [\(4 * h), \(d)], weight_hh_l0 [\(4 * h), \(h)], bias_ih_l0, bias_hh_l0 [\(4 * h)] and the _reverse ones); load in PyTorch with nn.LSTM(\(d), \(h), bidirectional=True\(batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…))"
            }
        case .exported(let folder, let files): "exported to \(folder): " + (files ?? "nothing (no step has been taken)")
        case .notWritten(let parts): "    not written: " + parts
        case .finalNotWritten(let position):
            position.map { "y, h_n, c_n (need both directions finished: \($0))" }
                ?? "y, h_n, c_n (need every layer's directions finished)"
        case .noStepsYet(let prefix): "\(prefix)_* (no steps yet)"
        case .removedEarlier(let names): "    removed from an earlier export, so the folder holds one state: " + names
        case .removedTemporaries(let n):
            "    removed \(Plural.count(n, "temporary file")) left by an export that was killed"
        case .perStepNote:
            "    per-step files are [steps, B, …] in processing order (index k = the k-th step of that direction)"
        case .exportInterrupted: "export interrupted; files written so far are complete, the rest were not written"
        case .notAFolder(let path): "\(path): exists and is not a folder"
        case .parentMissing(let path, let parent):
            "\(path): cannot create the folder: \(parent) does not exist (export makes only the last folder)"
        case .ancestorNotFolder(let path, let ancestor):
            "\(path): cannot create the folder: \(ancestor) is not a folder"
        case .folderPermission(let path, let ancestor):
            "\(path): cannot create the folder: permission denied in \(ancestor)"
        case .folderRefused(let path): "\(path): cannot create the folder: the file system refused it"
        case .exportedPyTorch(let folder, let files, let script, let model, let packed, let head):
            "exported for PyTorch to \(folder)/: \(files)\n    run: python3 \(script)  (rebuilds \(model)"
                + (packed ? " on pack_padded_sequence(input, lengths)" : "") + (head.map { ", " + $0 } ?? "")
                + ", runs it on input.npy and prints the largest difference from the lab's numbers)"
        case .pytorchNeedsCorrect:
            "export pytorch needs variant correct: nn.LSTM computes the correct equations, "
                + "the draft variant swaps g and o (set variant correct, then run)"
        case .pytorchNeedsFinished(let position, let layers):
            "export pytorch writes the lab's y, h_n and c_n, which need "
                + (layers ? "every layer's directions" : "both directions") + " finished (\(position)); try 'run' first"
        case .loadedHead(let path, let k, let h, let names, let named):
            "loaded head from \(path): nn.Linear(\(2 * h), \(k)), weight [\(k), \(2 * h)] = w3 (columns 0..\(h - 1), "
                + "from h_f) | w6 (columns \(h)..\(2 * h - 1), from h_b), bias [\(k)]; classes \(names)"
                + (named ? "" : " (the file names none)") + "; show logits, show pred"
        case .recordInLesson: "'record' is not allowed while a lesson plays: leave it with 'quit' first"
        case .nothingRecorded: "nothing is being recorded: 'record FILE.md' starts"
        case .recordNotWritten(let path):
            "\(path) could not be written (a folder, or no permission to write there); "
                + "the recording goes on: 'record stop' again after fixing it"
        case .wroteRecording(let path, let n): "wrote \(path): \(Plural.count(n, "command"))"
        case .alreadyRecording(let path): "already recording to \(path): 'record stop' first"
        case .recordFolderMissing(let path, let folder): "\(path): the folder \(folder) does not exist"
        case .recordingTo(let path): "recording to \(path) until 'record stop'"
        case .transcriptTitle: "# LSTMLab session"
        case .checkRowPrint:
            #"print(f"{name:7s} {str(list(lab.shape)):14s} largest |torch - lab| = {diff.max().item():.3g}")"#
        case .checkVerdictPrint:
            #"print(f"largest difference {worst:.3g}: PyTorch and the lab {'agree' if ok else 'DIFFER'} "#
                + #"(within {ATOL:g} + {RTOL:g}·|value|)")"#
        case .folderNotScript: "is a folder, not a script"
        case .noteSeparator: ", "
        case .partSeparator: "; "
        }
    }

    public var chinese: String {
        switch self {
        case .loadedWeights(let path, let d, let h, let layers, let notes):
            "已从 \(path) 载入权重：D=\(d)，H=\(h)，"
                + (layers.map {
                    "L=\($0) 层（每个方向：第 0 层 W_ih [\(4 * h), \(d)]，第 1…\($0 - 1) 层 W_ih [\(4 * h), \(2 * h)]，W_hh [\(4 * h), \(h)]）"
                } ?? "每个方向 W_ih [\(4 * h), \(d)]、W_hh [\(4 * h), \(h)]") + (notes.map { "；" + $0 } ?? "")
        case .inputRedrawnFor(let d): "已按 D=\(d) 重新生成输入"
        case .initialStateZeroed(let h): "h0、c0 已按 H=\(h) 重置为零"
        case .alphabetFromMetadata(let a): "字母表 \(a) 取自文件的元数据（供 input text 使用）"
        case .alphabetIgnored(let a, let d): "元数据中的字母表 \(a) 与 D=\(d) 不符，已忽略"
        case .headDropped(let takes, let model): "已移除分类头（它接收 2H=\(takes)，模型的 2H=\(model)）"
        case .loadedInput(let path, let layout, let shape, let b, let t):
            "已从 \(path) 载入输入：\(layout) = \(shape)，即 B=\(b)，T=\(t)"
        case .loadedState(let name, let path, let shape, let stacked):
            "已从 \(path) 载入 \(name)：\(shape)（"
                + (stacked ? "各行依次为 l0 fwd、l0 bwd、l1 fwd、…，与 nn.LSTM 相同" : "下标 0 为前向，1 为反向") + "）"
        case .savedWeights(let path, let d, let h, let layers, let batchFirst):
            if let l = layers {
                "权重已保存到 \(path)：\(8 * l) 个张量（weight_ih_l0 [\(4 * h), \(d)]、weight_ih_l1…l\(l - 1) [\(4 * h), \(2 * h)]、weight_hh_l<l> [\(4 * h), \(h)]、bias_ih_l<l>、bias_hh_l<l> [\(4 * h)]，以及对应的 _reverse 张量）；在 PyTorch 中用 nn.LSTM(\(d), \(h), num_layers=\(l), bidirectional=True\(batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…)) 载入"
            } else {
                "权重已保存到 \(path)：8 个张量（weight_ih_l0 [\(4 * h), \(d)]、weight_hh_l0 [\(4 * h), \(h)]、bias_ih_l0、bias_hh_l0 [\(4 * h)]，以及对应的 _reverse 张量）；在 PyTorch 中用 nn.LSTM(\(d), \(h), bidirectional=True\(batchFirst ? ", batch_first=True" : "")).load_state_dict(safetensors.torch.load_file(…)) 载入"
            }
        case .exported(let folder, let files): "已导出到 \(folder)：" + (files ?? "没有文件（还没有走过任何一步）")
        case .notWritten(let parts): "    未写入：" + parts
        case .finalNotWritten(let position):
            position.map { "y、h_n、c_n（需要两个方向都走完：\($0)）" } ?? "y、h_n、c_n（需要每一层的两个方向都走完）"
        case .noStepsYet(let prefix): "\(prefix)_*（还没有走过任何一步）"
        case .removedEarlier(let names): "    已删除上次导出留下的文件，让文件夹只保存一个状态：" + names
        case .removedTemporaries(let n): "    已删除 \(n) 个临时文件（被强行终止的导出留下的）"
        case .perStepNote: "    每步文件的形状是 [steps, B, …]，按处理顺序排列（下标 k 即该方向的第 k 步）"
        case .exportInterrupted: "导出被中断；已写入的文件是完整的，其余文件没有写入"
        case .notAFolder(let path): "\(path)：已存在，但不是文件夹"
        case .parentMissing(let path, let parent):
            "\(path)：无法创建文件夹：\(parent) 不存在（export 只创建最后一级文件夹）"
        case .ancestorNotFolder(let path, let ancestor): "\(path)：无法创建文件夹：\(ancestor) 不是文件夹"
        case .folderPermission(let path, let ancestor): "\(path)：无法创建文件夹：没有在 \(ancestor) 中写入的权限"
        case .folderRefused(let path): "\(path)：无法创建文件夹：文件系统拒绝了"
        case .exportedPyTorch(let folder, let files, let script, let model, let packed, let head):
            "已为 PyTorch 导出到 \(folder)/：\(files)\n    运行：python3 \(script)（重建 \(model)"
                + (packed ? "，输入经 pack_padded_sequence(input, lengths) 打包" : "") + (head.map { "，以及 " + $0 } ?? "")
                + "，在 input.npy 上运行，并打印与本实验数值的最大差）"
        case .pytorchNeedsCorrect:
            "export pytorch 需要 variant correct：nn.LSTM 按正确的公式计算，而 draft 变体交换了 g 和 o（先 set variant correct，再 run）"
        case .pytorchNeedsFinished(let position, let layers):
            "export pytorch 要写出 y、h_n 和 c_n，需要" + (layers ? "每一层的两个方向" : "两个方向")
                + "都走完（\(position)）；先试试 'run'"
        case .loadedHead(let path, let k, let h, let names, let named):
            "已从 \(path) 载入分类头：nn.Linear(\(2 * h), \(k))，weight [\(k), \(2 * h)] = w3（第 0..\(h - 1) 列，"
                + "来自 h_f）| w6（第 \(h)..\(2 * h - 1) 列，来自 h_b），bias [\(k)]；类别 \(names)"
                + (named ? "" : "（文件里没有类别名）") + "；可用 show logits、show pred 查看"
        case .recordInLesson: "课程进行中不能 'record'：先用 'quit' 退出课程"
        case .nothingRecorded: "当前没有在录制：用 'record FILE.md' 开始"
        case .recordNotWritten(let path):
            "无法写入 \(path)（是文件夹，或没有写入权限）；录制仍在继续：解决后再输入一次 'record stop'"
        case .wroteRecording(let path, let n): "已写入 \(path)：\(n) 条命令"
        case .alreadyRecording(let path): "已经在录制到 \(path)：先 'record stop'"
        case .recordFolderMissing(let path, let folder): "\(path)：文件夹 \(folder) 不存在"
        case .recordingTo(let path): "开始录制到 \(path)，直到 'record stop'"
        case .transcriptTitle: "# LSTMLab 实验记录"
        case .checkRowPrint:
            #"print(f"{name:7s} {str(list(lab.shape)):14s} 最大 |torch - lab| = {diff.max().item():.3g}")"#
        case .checkVerdictPrint:
            #"print(f"最大差 {worst:.3g}：PyTorch 与实验室的数值{'一致' if ok else '不一致'}"#
                + #"（容差 {ATOL:g} + {RTOL:g}·|value|）")"#
        case .folderNotScript: "这是一个文件夹，不是脚本"
        case .noteSeparator: "，"
        case .partSeparator: "；"
        }
    }
}
