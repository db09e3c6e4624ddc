/// What is wrong inside an `.npy` or safetensors file (its preamble, header, entries and data),
/// as facts; the shell words them after the path, like `FileMessage`.
public indirect enum TensorFileMessage: Localized, Equatable {
    /// Where a Python literal (an `.npy` header) stops making sense; `at` nil: at the end.
    public enum Syntax: Equatable, Sendable {
        case unexpectedText, nestingTooDeep, expectedValue, expectedString, unterminatedString, expectedDigits
        case expectedInteger, expectedColon
        /// `expected ',' or ')'`.
        case expectedSeparator(closer: String)
        case unexpectedCharacter(String)
        case unexpectedWord(String)
    }

    /// What an `.npy` dtype holds that the lab does not load.
    public enum Dtype: Equatable, Sendable {
        /// `bits` nil: an unknown float size.
        case float(bits: Int?)
        case booleans
        case signed(bits: Int?)
        case unsigned(bits: Int?)
        case complex, objects, unicode, bytes, records, datetimes, timedeltas, unknownCode
    }

    case npyTruncatedPreamble(size: Int)
    case npyVersion(major: Int, minor: Int)
    case npyHeaderTooLong(length: String, available: Int, preamble: Int)
    case headerNotUTF8
    case absurdShape(shape: String)
    case shapeTooBig(shape: String, needed: Int, limit: Int)
    case headerSyntax(syntax: Syntax, at: Int?)
    case headerNotDict(text: String)
    case headerKeyNotString(key: String)
    case headerUnexpectedKey(key: String)
    case headerDuplicateKey(key: String)
    case headerMissingKey(key: String)
    case structuredDtype
    case descrNotString(got: String)
    case fortranOrderNotBool(got: String)
    /// `scalar`: the shape was a bare integer n, written `(n,)` for one dimension.
    case shapeNotTuple(got: String, scalar: String?)
    case dimensionNotInteger(shape: String, dimension: String)
    case dimensionTooLarge(shape: String, dimension: String)
    case dimensionNegative(shape: String, dimension: Int)
    case emptyDtype(descr: String)
    case unsupportedDtype(descr: String, holds: Dtype)
    case noByteOrder(descr: String, bytes: Int)
    case nonFiniteAt(value: String, index: String)
    case tooLargeForFloat32(value: String, index: String)
    /// A check that the ones before it should have made impossible (the engine's own words).
    case inconsistent(detail: String)
    case metadataNotStrings
    case tensorsTooBig(limit: Int)
    case safetensorsTruncatedLength(size: Int)
    case safetensorsHeaderTooLong(length: String, available: Int)
    case headerOverLimit(length: String, limit: Int)
    case headerNotObject
    case tooManyEntries(count: Int, limit: Int)
    case tooManyValues(count: Int, tensors: Int)
    case headerNotJSON
    case overlap(first: String, second: String, begin: Int, end: Int)
    case unclaimedBytes(begin: Int, end: Int)
    case unusedTrailing(used: Int, size: Int)
    /// `tensor 'name': problem`.
    case inTensor(name: String, problem: TensorFileMessage)
    case entryNotObject
    case entryUnexpectedKey(key: String)
    case entryMissing(field: String)
    case dtypeNotString
    case safetensorsDtype(dtype: String)
    case shapeNotIntegers
    case negativeDimension(dimension: Int)
    case dimensionHuge
    case offsetsNotPair
    case offsetsNotNonNegative
    case offsetsPastBuffer(size: Int)
    case offsetsReversed(begin: Int, end: Int)
    case offsetsSize(begin: Int, end: Int, shape: String, dtype: String, needed: Int)
    case offsetsBeyond(begin: Int, end: Int, size: Int)

    public var english: String {
        switch self {
        case .npyTruncatedPreamble(let n): "truncated: the file ends inside the .npy preamble (\(n) bytes)"
        case .npyVersion(let major, let minor):
            "unsupported .npy version \(major).\(minor) (1.0, 2.0 and 3.0 can be read)"
        case .npyHeaderTooLong(let length, let available, let preamble):
            "header length \(length) is larger than the file: only \(available) bytes follow the \(preamble)-byte preamble"
        case .headerNotUTF8: "header is not valid UTF-8"
        case .absurdShape(let s): "absurd shape \(s): the element count overflows"
        case .shapeTooBig(let s, let needed, let limit):
            "shape \(s) needs \(needed) bytes, more than the limit of \(limit) bytes"
        case .headerSyntax(let syntax, let at):
            "header is not a Python dict literal: " + Self.english(syntax)
                + (at.map { " at character \($0)" } ?? " at the end")
        case .headerNotDict(let text): "header is not a dict: \(text)"
        case .headerKeyNotString(let key): "header key \(key) is not a string"
        case .headerUnexpectedKey(let key):
            "header has an unexpected key '\(key)' (expected 'descr', 'fortran_order', 'shape')"
        case .headerDuplicateKey(let key): "header has the key '\(key)' twice"
        case .headerMissingKey(let key): "header is missing the key '\(key)'"
        case .structuredDtype:
            "unsupported dtype: a structured array (record fields); only plain float arrays can be loaded"
        case .descrNotString(let got): "'descr' must be a string such as '<f4', got \(got)"
        case .fortranOrderNotBool(let got): "'fortran_order' must be True or False, got \(got)"
        case .shapeNotTuple(let got, let scalar):
            "bad shape \(got): not a tuple" + (scalar.map { " (a 1-D shape is written (\($0),))" } ?? "")
        case .dimensionNotInteger(let s, let d): "bad shape \(s): \(d) is not an integer"
        case .dimensionTooLarge(let s, let d): "absurd shape \(s): dimension \(d) is too large"
        case .dimensionNegative(let s, let d): "bad shape \(s): dimension \(d) is negative"
        case .emptyDtype(let descr): "unsupported dtype '\(descr)'"
        case .unsupportedDtype(let descr, let holds):
            "unsupported dtype '\(descr)' (\(Self.english(holds))); only float16, float32 and float64 arrays can be loaded"
        case .noByteOrder(let descr, let n):
            "dtype '\(descr)' has no byte order: a \(n)-byte float needs '<' (little-endian) or '>' (big-endian)"
        case .nonFiniteAt(let value, let index): "non-finite value \(value) at index \(index)"
        case .tooLargeForFloat32(let value, let index): "value \(value) at index \(index) does not fit in float32"
        case .inconsistent(let detail): detail
        case .metadataNotStrings: "__metadata__ must map strings to strings"
        case .tensorsTooBig(let limit): "the tensors need more than \(limit) bytes as float32, the limit"
        case .safetensorsTruncatedLength(let n):
            "truncated: a safetensors file starts with an 8-byte header length, the file has \(n) bytes"
        case .safetensorsHeaderTooLong(let length, let available):
            "header length \(length) is larger than the file: only \(available) bytes follow the 8-byte length"
        case .headerOverLimit(let length, let limit):
            "header length \(length) is larger than the limit of \(limit) bytes"
        case .headerNotObject: "header is not a JSON object"
        case .tooManyEntries(let n, let limit):
            "the header lists \(n) entries, more than the \(limit) tensors a file may hold here"
        case .tooManyValues(let n, let tensors):
            "the header holds \(n) JSON values, more than \(64 * tensors) (\(tensors) tensors' worth)"
        case .headerNotJSON: "header is not valid JSON"
        case .overlap(let first, let second, let begin, let end):
            "tensors '\(first)' and '\(second)' overlap in the data buffer (bytes \(begin)..<\(end))"
        case .unclaimedBytes(let begin, let end): "bytes \(begin)..<\(end) of the data buffer belong to no tensor"
        case .unusedTrailing(let used, let size):
            "trailing bytes: the tensors use \(used) bytes of the data buffer, which has \(size)"
        case .inTensor(let name, let problem): "tensor '\(name)': " + problem.english
        case .entryNotObject: "entry is not a JSON object"
        case .entryUnexpectedKey(let key): "unexpected key \"\(key)\" (expected dtype, shape, data_offsets)"
        case .entryMissing(let field): "missing \"\(field)\""
        case .dtypeNotString: "\"dtype\" must be a string such as \"F32\""
        case .safetensorsDtype(let dtype): "unsupported dtype \(dtype); only F32, F64, F16 and BF16 can be loaded"
        case .shapeNotIntegers: "\"shape\" must be a list of integers"
        case .negativeDimension(let d): "\"shape\" has a negative dimension \(d)"
        case .dimensionHuge: "absurd shape: a dimension is too large"
        case .offsetsNotPair: "\"data_offsets\" must be two integers [begin, end]"
        case .offsetsNotNonNegative: "\"data_offsets\" must be two non-negative integers [begin, end]"
        case .offsetsPastBuffer(let size): "data_offsets run past the end of the data buffer (\(size) bytes)"
        case .offsetsReversed(let begin, let end): "data_offsets [\(begin), \(end)] end before they begin"
        case .offsetsSize(let begin, let end, let shape, let dtype, let needed):
            "data_offsets [\(begin), \(end)] hold \(end - begin) bytes, but shape \(shape) of \(dtype) needs \(needed)"
        case .offsetsBeyond(let begin, let end, let size):
            "data_offsets [\(begin), \(end)] run past the end of the data buffer (\(size) bytes; truncated file?)"
        }
    }

    public var chinese: String {
        switch self {
        case .npyTruncatedPreamble(let n): "文件不完整：在 .npy 的前导部分中间就结束了（文件共 \(n) 字节）"
        case .npyVersion(let major, let minor): "不支持 .npy 版本 \(major).\(minor)（能读 1.0、2.0 和 3.0）"
        case .npyHeaderTooLong(let length, let available, let preamble):
            "文件头长度 \(length) 超出了文件：\(preamble) 字节的前导部分之后只有 \(available) 字节"
        case .headerNotUTF8: "文件头不是有效的 UTF-8"
        case .absurdShape(let s): "形状 \(s) 不合理：元素个数溢出"
        case .shapeTooBig(let s, let needed, let limit): "形状 \(s) 需要 \(needed) 字节，超过上限 \(limit) 字节"
        case .headerSyntax(let syntax, let at):
            "文件头不是 Python 字典字面量：" + (at.map { "第 \($0) 个字符处" } ?? "结尾处") + Self.chinese(syntax)
        case .headerNotDict(let text): "文件头不是字典：\(text)"
        case .headerKeyNotString(let key): "文件头的键 \(key) 不是字符串"
        case .headerUnexpectedKey(let key): "文件头有多余的键 '\(key)'（应为 'descr'、'fortran_order'、'shape'）"
        case .headerDuplicateKey(let key): "文件头中键 '\(key)' 出现了两次"
        case .headerMissingKey(let key): "文件头缺少键 '\(key)'"
        case .structuredDtype: "不支持的 dtype：结构化数组（带记录字段）；只能载入普通的浮点数组"
        case .descrNotString(let got): "'descr' 应为 '<f4' 这样的字符串，实际是 \(got)"
        case .fortranOrderNotBool(let got): "'fortran_order' 应为 True 或 False，实际是 \(got)"
        case .shapeNotTuple(let got, let scalar):
            "形状 \(got) 有误：不是元组" + (scalar.map { "（一维形状要写成 (\($0),)）" } ?? "")
        case .dimensionNotInteger(let s, let d): "形状 \(s) 有误：\(d) 不是整数"
        case .dimensionTooLarge(let s, let d): "形状 \(s) 不合理：维度 \(d) 太大"
        case .dimensionNegative(let s, let d): "形状 \(s) 有误：维度 \(d) 是负数"
        case .emptyDtype(let descr): "不支持的 dtype '\(descr)'"
        case .unsupportedDtype(let descr, let holds):
            "不支持的 dtype '\(descr)'（\(Self.chinese(holds))）；只能载入 float16、float32 和 float64 数组"
        case .noByteOrder(let descr, let n):
            "dtype '\(descr)' 没有字节序：\(n) 字节的浮点数需要 '<'（小端）或 '>'（大端）"
        case .nonFiniteAt(let value, let index): "下标 \(index) 处有非有限值 \(value)"
        case .tooLargeForFloat32(let value, let index): "下标 \(index) 处的值 \(value) 超出 float32 的范围"
        case .inconsistent(let detail): "内部检查失败：\(detail)"
        case .metadataNotStrings: "__metadata__ 的键和值都必须是字符串"
        case .tensorsTooBig(let limit): "这些张量转成 float32 需要超过 \(limit) 字节，超出上限"
        case .safetensorsTruncatedLength(let n): "文件不完整：safetensors 文件以 8 字节的文件头长度开头，而文件只有 \(n) 字节"
        case .safetensorsHeaderTooLong(let length, let available):
            "文件头长度 \(length) 超出了文件：8 字节的长度之后只有 \(available) 字节"
        case .headerOverLimit(let length, let limit): "文件头长度 \(length) 超过上限 \(limit) 字节"
        case .headerNotObject: "文件头不是 JSON 对象"
        case .tooManyEntries(let n, let limit): "文件头列出了 \(n) 项，超过这里一个文件最多能有的 \(limit) 个张量"
        case .tooManyValues(let n, let tensors): "文件头有 \(n) 个 JSON 值，超过 \(64 * tensors)（\(tensors) 个张量的量）"
        case .headerNotJSON: "文件头不是有效的 JSON"
        case .overlap(let first, let second, let begin, let end):
            "张量 '\(first)' 和 '\(second)' 在数据区中重叠（字节 \(begin)..<\(end)）"
        case .unclaimedBytes(let begin, let end): "数据区的字节 \(begin)..<\(end) 不属于任何张量"
        case .unusedTrailing(let used, let size): "数据后面有多余的字节：张量只用了数据区的 \(used) 字节，而数据区有 \(size) 字节"
        case .inTensor(let name, let problem): "张量 '\(name)'：" + problem.chinese
        case .entryNotObject: "这一项不是 JSON 对象"
        case .entryUnexpectedKey(let key): "多余的键 \"\(key)\"（应为 dtype、shape、data_offsets）"
        case .entryMissing(let field): "缺少 \"\(field)\""
        case .dtypeNotString: "\"dtype\" 应为 \"F32\" 这样的字符串"
        case .safetensorsDtype(let dtype): "不支持的 dtype \(dtype)；只能载入 F32、F64、F16 和 BF16"
        case .shapeNotIntegers: "\"shape\" 应为整数列表"
        case .negativeDimension(let d): "\"shape\" 中有负的维度 \(d)"
        case .dimensionHuge: "形状不合理：有一个维度太大"
        case .offsetsNotPair: "\"data_offsets\" 应为两个整数 [begin, end]"
        case .offsetsNotNonNegative: "\"data_offsets\" 应为两个非负整数 [begin, end]"
        case .offsetsPastBuffer(let size): "data_offsets 超出了数据区的末尾（数据区 \(size) 字节）"
        case .offsetsReversed(let begin, let end): "data_offsets [\(begin), \(end)] 的结束位置在开始位置之前"
        case .offsetsSize(let begin, let end, let shape, let dtype, let needed):
            "data_offsets [\(begin), \(end)] 占 \(end - begin) 字节，但 \(dtype) 的形状 \(shape) 需要 \(needed) 字节"
        case .offsetsBeyond(let begin, let end, let size):
            "data_offsets [\(begin), \(end)] 超出了数据区的末尾（数据区 \(size) 字节；文件不完整？）"
        }
    }

    static func english(_ syntax: Syntax) -> String {
        switch syntax {
        case .unexpectedText: "unexpected text after the literal"
        case .nestingTooDeep: "nesting too deep"
        case .expectedValue: "expected a value"
        case .expectedString: "expected a string"
        case .unterminatedString: "unterminated string"
        case .expectedDigits: "expected digits"
        case .expectedInteger: "expected an integer"
        case .expectedColon: "expected ':'"
        case .expectedSeparator(let closer): "expected ',' or '\(closer)'"
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .unexpectedWord(let word): "unexpected word '\(word)'"
        }
    }

    static func chinese(_ syntax: Syntax) -> String {
        switch syntax {
        case .unexpectedText: "字面量后面有多余的文字"
        case .nestingTooDeep: "嵌套太深"
        case .expectedValue: "应有一个值"
        case .expectedString: "应有一个字符串"
        case .unterminatedString: "字符串没有结束"
        case .expectedDigits: "应有数字"
        case .expectedInteger: "应有一个整数"
        case .expectedColon: "应有 ':'"
        case .expectedSeparator(let closer): "应有 ',' 或 '\(closer)'"
        case .unexpectedCharacter(let c): "意外的字符 '\(c)'"
        case .unexpectedWord(let word): "意外的单词 '\(word)'"
        }
    }

    static func english(_ dtype: Dtype) -> String {
        func bits(_ n: Int?) -> String { n.map { "\($0)-bit " } ?? "" }
        return switch dtype {
        case .float(let n): n.map { "float\($0)" } ?? "unknown float size"
        case .booleans: "booleans"
        case .signed(let n): "\(bits(n))signed integers"
        case .unsigned(let n): "\(bits(n))unsigned integers"
        case .complex: "complex numbers"
        case .objects: "Python objects, stored as a pickle, which is never loaded"
        case .unicode: "unicode strings"
        case .bytes: "byte strings"
        case .records: "raw records"
        case .datetimes: "datetimes"
        case .timedeltas: "timedeltas"
        case .unknownCode: "not a numpy type code this lab knows"
        }
    }

    static func chinese(_ dtype: Dtype) -> String {
        func bits(_ n: Int?) -> String { n.map { "\($0) 位" } ?? "" }
        return switch dtype {
        case .float(let n): n.map { "float\($0)" } ?? "未知大小的浮点数"
        case .booleans: "布尔值"
        case .signed(let n): "\(bits(n))有符号整数"
        case .unsigned(let n): "\(bits(n))无符号整数"
        case .complex: "复数"
        case .objects: "Python 对象，以 pickle 保存，本实验从不载入"
        case .unicode: "Unicode 字符串"
        case .bytes: "字节串"
        case .records: "原始记录"
        case .datetimes: "日期时间"
        case .timedeltas: "时间间隔"
        case .unknownCode: "本实验不认识的 numpy 类型代码"
        }
    }
}
