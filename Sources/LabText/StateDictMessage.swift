/// What is wrong with the tensors a file holds for the lab (an `nn.LSTM` state_dict, a head,
/// an input or an initial state) and why a file could not be written, as facts.
public enum StateDictMessage: Localized, Equatable {
    /// Why a name that is not a single-layer LSTM's is refused.
    public enum Hint: Equatable, Sendable {
        case laterLayer, projection
    }

    /// `names`: the eight names a single-layer bidirectional nn.LSTM has.
    case wholeModel(prefix: String, names: String)
    case unexpectedTensor(name: String, names: String, hint: Hint?)
    case hiddenWeightRank(shape: String)
    case rowsNotByFour(shape: String, rows: Int)
    /// `hidden` nil: H would be 0.
    case hiddenWeightShape(shape: String, hidden: Int?)
    case inputWeightShape(shape: String, hidden: Int)
    case biasShape(name: String, shape: String, hidden: Int)
    case reverseShape(name: String, shape: String, expected: String)
    case tooManyLayers(layers: Int, limit: Int)
    case stackedHiddenShape(shape: String)
    case missingLayerTensor(name: String, layers: Int)
    case unexpectedLayerTensor(name: String, layers: Int, projection: Bool)
    /// `reads`: the layer below, whose y a layer above 0 reads.
    case layerShape(name: String, shape: String, formula: String, reads: Int?, expected: String, hidden: Int)
    case headIsLSTM
    /// `found` nil: the file holds no tensors.
    case headNeedsWeightAndBias(found: String?)
    case headExtraTensor(name: String)
    case headShapes(weight: String, bias: String)
    case headNonFinite(value: String, index: String)
    case classesCount(count: Int, names: String, rows: Int)
    case classesNotJSON
    case classesBadName(text: String)
    case headWidth(inputs: Int, weight: String, model: Int)
    case inputRank(layout: String, shape: String)
    case inputFeatures(inputs: Int, model: Int, shape: String, layout: String)
    case inputEmpty(shape: String)
    case stateShape(name: String, formula: String, expected: String, shape: String)
    case writeNotRegular
    case writeFolderMissing(folder: String)
    case writeNotFolder(folder: String)
    case writePermission(folder: String)
    case writeReadOnly(folder: String)
    case writeCannotCreate(folder: String, code: Int32, system: FileMessage.SystemWords)
    case writeFailed(code: Int32, system: FileMessage.SystemWords)
    case writeInterrupted

    public var english: String {
        switch self {
        case .wholeModel(let prefix, let names):
            "tensor names start with '\(prefix)' (a whole model's state_dict?); a single-layer bidirectional nn.LSTM has exactly: \(names); save the LSTM's own state_dict, e.g. model.lstm.state_dict()"
        case .unexpectedTensor(let name, let names, let hint):
            "unexpected tensor \(name) (a single-layer bidirectional nn.LSTM has exactly: \(names))"
                + (hint.map(Self.english) ?? "")
        case .hiddenWeightRank(let s): "weight_hh_l0 has shape \(s), expected [4H, H] (2 dimensions)"
        case .rowsNotByFour(let s, let rows):
            "weight_hh_l0 has shape \(s): its \(rows) rows are not divisible by 4 (the 4 gates i, f, g, o are stacked: [4H, H])"
        case .hiddenWeightShape(let s, let h):
            "weight_hh_l0 has shape \(s), expected [4H, H] " + (h.map { "= [\(4 * $0), \($0)]" } ?? "with H ≥ 1")
        case .inputWeightShape(let s, let h):
            "weight_ih_l0 has shape \(s), expected [4H, D] = [\(4 * h), D] for H = \(h)"
        case .biasShape(let name, let s, let h): "\(name) has shape \(s), expected [4H] = [\(4 * h)] for H = \(h)"
        case .reverseShape(let name, let s, let expected):
            "\(name)_reverse has shape \(s), expected \(expected) like \(name)"
        case .tooManyLayers(let n, let limit):
            "the file has \(n) or more layers (weight_hh_l0 … weight_hh_l\(n - 1)); the lab models 1…\(limit)"
        case .stackedHiddenShape(let s): "weight_hh_l0 has shape \(s), expected [4H, H]"
        case .missingLayerTensor(let name, let n):
            "missing tensor \(name) (a \(n)-layer bidirectional nn.LSTM has "
                + "weight_ih_l<l>, weight_hh_l<l>, bias_ih_l<l>, bias_hh_l<l> and the _reverse ones for l = 0…\(n - 1))"
        case .unexpectedLayerTensor(let name, let n, let projection):
            "unexpected tensor \(name) in a \(n)-layer nn.LSTM (layers l = 0…\(n - 1))"
                + (projection ? Self.english(.projection) : "")
        case .layerShape(let name, let s, let formula, let reads, let expected, let h):
            "\(name) has shape \(s), expected \(formula)"
                + (reads.map { " (layer \($0 + 1) reads layer \($0)'s y)" } ?? "") + " = \(expected) for H = \(h)"
        case .headIsLSTM: "this holds nn.LSTM weights (weight_ih_l0, …), not a head; use 'load weights' for it"
        case .headNeedsWeightAndBias(let found):
            "a head needs nn.Linear's 'weight' [K, 2H] and 'bias' [K]; the file has \(found ?? "no tensors")"
        case .headExtraTensor(let name): "unexpected tensor '\(name)': a head holds only 'weight' and 'bias'"
        case .headShapes(let weight, let bias):
            "weight \(weight) and bias \(bias): nn.Linear(2H, K) stores weight [K, 2H] (an even number of columns) and bias [K]"
        case .headNonFinite(let value, let index): "non-finite value \(value) at \(index) in the head"
        case .classesCount(let n, let names, let k):
            "metadata 'classes' names \(n) classes (\(names)), the head has K=\(k) rows"
        case .classesNotJSON: "metadata 'classes' starts with '[' but is not a JSON list of strings"
        case .classesBadName(let text): "metadata 'classes' has an empty or overlong name: \(text)"
        case .headWidth(let inputs, let weight, let model):
            "the head takes \(inputs) inputs (weight \(weight)), the model's y has 2H = \(model)"
        case .inputRank(let layout, let s): "input must be \(layout) (3 dimensions), the file has shape \(s)"
        case .inputFeatures(let d, let model, let s, let layout):
            "input has D=\(d) features, the weights take D=\(model) (shape \(s), layout \(layout))"
        case .inputEmpty(let s): "input has an empty batch or sequence: shape \(s)"
        case .stateShape(let name, let formula, let expected, let s):
            "\(name) must be \(formula) = \(expected), the file has shape \(s)"
        case .writeNotRegular: "not a regular file (a device, pipe or socket); it was left alone"
        case .writeFolderMissing(let folder): "cannot write: folder \(folder) does not exist"
        case .writeNotFolder(let folder): "cannot write: \(folder) is not a folder"
        case .writePermission(let folder): "cannot write: permission denied in folder \(folder)"
        case .writeReadOnly(let folder): "cannot write: folder \(folder) is on a read-only file system"
        case .writeCannotCreate(let folder, _, let system):
            "cannot write: cannot create a file in folder \(folder): \(system.text)"
        case .writeFailed(_, let system): "cannot write: \(system.text)"
        case .writeInterrupted: "interrupted; nothing was written"
        }
    }

    public var chinese: String {
        switch self {
        case .wholeModel(let prefix, let names):
            "张量名都以 '\(prefix)' 开头（是整个模型的 state_dict？）；单层双向 nn.LSTM 恰好有：\(names)；请只保存 LSTM 自己的 state_dict，例如 model.lstm.state_dict()"
        case .unexpectedTensor(let name, let names, let hint):
            "多余的张量 \(name)（单层双向 nn.LSTM 恰好有：\(names)）" + (hint.map(Self.chinese) ?? "")
        case .hiddenWeightRank(let s): "weight_hh_l0 的形状是 \(s)，应为 [4H, H]（2 维）"
        case .rowsNotByFour(let s, let rows):
            "weight_hh_l0 的形状是 \(s)：它的 \(rows) 行不能被 4 整除（i、f、g、o 四个门叠在一起：[4H, H]）"
        case .hiddenWeightShape(let s, let h):
            "weight_hh_l0 的形状是 \(s)，应为 [4H, H]" + (h.map { " = [\(4 * $0), \($0)]" } ?? "，且 H ≥ 1")
        case .inputWeightShape(let s, let h): "weight_ih_l0 的形状是 \(s)，H = \(h) 时应为 [4H, D] = [\(4 * h), D]"
        case .biasShape(let name, let s, let h): "\(name) 的形状是 \(s)，H = \(h) 时应为 [4H] = [\(4 * h)]"
        case .reverseShape(let name, let s, let expected): "\(name)_reverse 的形状是 \(s)，应与 \(name) 一样是 \(expected)"
        case .tooManyLayers(let n, let limit):
            "文件有 \(n) 层或更多（weight_hh_l0 … weight_hh_l\(n - 1)）；本实验支持 1…\(limit) 层"
        case .stackedHiddenShape(let s): "weight_hh_l0 的形状是 \(s)，应为 [4H, H]"
        case .missingLayerTensor(let name, let n):
            "缺少张量 \(name)（\(n) 层双向 nn.LSTM 对 l = 0…\(n - 1) 有 weight_ih_l<l>、weight_hh_l<l>、bias_ih_l<l>、bias_hh_l<l> 以及对应的 _reverse 张量）"
        case .unexpectedLayerTensor(let name, let n, let projection):
            "\(n) 层的 nn.LSTM（l = 0…\(n - 1)）中有多余的张量 \(name)" + (projection ? Self.chinese(.projection) : "")
        case .layerShape(let name, let s, let formula, let reads, let expected, let h):
            "\(name) 的形状是 \(s)，H = \(h) 时应为 \(formula)"
                + (reads.map { "（第 \($0 + 1) 层读取第 \($0) 层的 y）" } ?? "") + " = \(expected)"
        case .headIsLSTM: "这个文件存的是 nn.LSTM 的权重（weight_ih_l0 等），不是分类头；请用 'load weights' 载入"
        case .headNeedsWeightAndBias(let found):
            "分类头需要 nn.Linear 的 'weight' [K, 2H] 和 'bias' [K]；文件里" + (found.map { "有 \($0)" } ?? "没有张量")
        case .headExtraTensor(let name): "多余的张量 '\(name)'：分类头只有 'weight' 和 'bias'"
        case .headShapes(let weight, let bias):
            "weight \(weight) 和 bias \(bias)：nn.Linear(2H, K) 的 weight 是 [K, 2H]（列数为偶数），bias 是 [K]"
        case .headNonFinite(let value, let index): "分类头的 \(index) 处有非有限值 \(value)"
        case .classesCount(let n, let names, let k): "元数据 'classes' 给出 \(n) 个类别（\(names)），而分类头有 K=\(k) 行"
        case .classesNotJSON: "元数据 'classes' 以 '[' 开头，却不是 JSON 字符串列表"
        case .classesBadName(let text): "元数据 'classes' 中有空的或过长的类别名：\(text)"
        case .headWidth(let inputs, let weight, let model):
            "分类头接收 \(inputs) 个输入（weight \(weight)），而模型的 y 是 2H = \(model)"
        case .inputRank(let layout, let s): "输入应为 \(layout)（3 维），文件中的形状是 \(s)"
        case .inputFeatures(let d, let model, let s, let layout):
            "输入有 D=\(d) 个特征，而权重接收 D=\(model)（形状 \(s)，布局 \(layout)）"
        case .inputEmpty(let s): "输入的批或序列是空的：形状 \(s)"
        case .stateShape(let name, let formula, let expected, let s): "\(name) 应为 \(formula) = \(expected)，文件中的形状是 \(s)"
        case .writeNotRegular: "不是普通文件（是设备、管道或套接字）；没有改动它"
        case .writeFolderMissing(let folder): "无法写入：文件夹 \(folder) 不存在"
        case .writeNotFolder(let folder): "无法写入：\(folder) 不是文件夹"
        case .writePermission(let folder): "无法写入：没有在文件夹 \(folder) 中写入的权限"
        case .writeReadOnly(let folder): "无法写入：文件夹 \(folder) 在只读文件系统上"
        case .writeCannotCreate(let folder, let code, _): "无法写入：不能在文件夹 \(folder) 中创建文件（系统错误码 \(code)）"
        case .writeFailed(let code, _): "无法写入（系统错误码 \(code)）"
        case .writeInterrupted: "被中断；什么也没有写入"
        }
    }

    static func english(_ hint: Hint) -> String {
        switch hint {
        case .laterLayer:
            "; names ending in _l1, _l2, … come from a multi-layer LSTM (num_layers > 1), which this lab does not model"
        case .projection: "; weight_hr comes from an LSTM with proj_size > 0, which this lab does not model"
        }
    }

    static func chinese(_ hint: Hint) -> String {
        switch hint {
        case .laterLayer: "；以 _l1、_l2、… 结尾的名字来自多层 LSTM（num_layers > 1），本实验不支持"
        case .projection: "；weight_hr 来自 proj_size > 0 的 LSTM，本实验不支持"
        }
    }
}
