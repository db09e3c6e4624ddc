/// What is wrong with a file, as facts (sizes, names, the system's error code);
/// the file readers throw these and the shell words them after the path.
public enum FileMessage: Localized, Equatable {
    /// The C library's words for an error (`strerror`), English whatever the session's language:
    /// the Chinese entry gives the error's number instead.
    public struct SystemWords: Equatable, Sendable {
        public var text: String
        public init(_ text: String) { self.text = text }
    }

    case noName
    case missing
    /// ENOTDIR: a part of the path is a file.
    case missingFolder
    case permissionDenied
    case directory
    /// A FIFO, a device or a socket (nil: some other kind).
    case notRegular(kind: Kind?)

    public enum Kind: Sendable {
        case folder, fifo, characterDevice, blockDevice, socket
    }
    case cannotOpen(code: Int32, system: SystemWords)
    case cannotRead(code: Int32, system: SystemWords)
    /// `stat` failed: the system's words.
    case unreadable(system: SystemWords)
    case tooBig(size: Int, limit: Int)
    case empty
    case notNPY
    case npyNotSafetensors
    case zipNotSafetensors
    case truncatedHeader
    case truncatedData(header: Int, dtype: String, present: Int)
    case trailingBytes(header: Int, dtype: String, present: Int)
    case missingTensor(name: String, unidirectional: Bool)
    case nonFinite(tensor: String, value: String, index: String)

    public var english: String {
        switch self {
        case .noName: "no file name given"
        case .missing: "no such file"
        case .missingFolder: "no such file (a part of the path is not a folder)"
        case .permissionDenied: "permission denied"
        case .directory: "is a directory"
        case .notRegular(let kind):
            switch kind {
            case .folder?: "is a folder, not a regular file"
            case .fifo?: "is a FIFO (named pipe), not a regular file"
            case .characterDevice?: "is a character device, not a regular file"
            case .blockDevice?: "is a block device, not a regular file"
            case .socket?: "is a socket, not a regular file"
            default: "not a regular file"
            }
        case .cannotOpen(_, let system): "cannot open: \(system.text)"
        case .cannotRead(_, let system): "cannot read: \(system.text)"
        case .unreadable(let system): system.text
        case .tooBig(let size, let limit): "file is \(size) bytes, more than the limit of \(limit) bytes"
        case .empty: "empty file"
        case .notNPY: "not an .npy file (it does not start with the bytes \\x93NUMPY)"
        case .npyNotSafetensors: "this is an .npy file, not safetensors"
        case .zipNotSafetensors:
            "this is a zip archive (a PyTorch .pt/.pth file?), not safetensors; save with safetensors.torch.save_file"
        case .truncatedHeader: "truncated: the file ends inside the header"
        case .truncatedData(let h, let dtype, let present):
            "truncated data: header says \(h) bytes of \(dtype) data, file has \(present)"
        case .trailingBytes(let h, let dtype, let present):
            "trailing bytes: header says \(h) bytes of \(dtype) data, file has \(present)"
        case .missingTensor(let name, let uni):
            "missing tensor \(name)"
                + (uni ? " (this looks like a unidirectional LSTM; create it with bidirectional=True)" : "")
        case .nonFinite(let tensor, let value, let index):
            "tensor \(tensor): non-finite value \(value) at index \(index)"
        }
    }

    public var chinese: String {
        switch self {
        case .noName: "没有给出文件名"
        case .missing: "文件不存在"
        case .missingFolder: "文件不存在（路径中有一部分不是文件夹）"
        case .permissionDenied: "没有读取权限"
        case .directory: "这是一个文件夹"
        case .notRegular(let kind):
            switch kind {
            case .folder?: "这是一个文件夹，不是普通文件"
            case .fifo?: "这是一个 FIFO（命名管道），不是普通文件"
            case .characterDevice?: "这是一个字符设备，不是普通文件"
            case .blockDevice?: "这是一个块设备，不是普通文件"
            case .socket?: "这是一个套接字，不是普通文件"
            default: "不是普通文件"
            }
        case .cannotOpen(let code, _): "无法打开（系统错误码 \(code)）"
        case .cannotRead(let code, _): "无法读取（系统错误码 \(code)）"
        case .unreadable: "无法查看这个文件（可能没有权限）"
        case .tooBig(let size, let limit): "文件有 \(size) 字节，超过上限 \(limit) 字节"
        case .empty: "文件是空的"
        case .notNPY: "不是 .npy 文件（开头不是 \\x93NUMPY 这几个字节）"
        case .npyNotSafetensors: "这是 .npy 文件，不是 safetensors"
        case .zipNotSafetensors:
            "这是 zip 压缩包（PyTorch 的 .pt/.pth 文件？），不是 safetensors；请用 safetensors.torch.save_file 保存"
        case .truncatedHeader: "文件不完整：在文件头中间就结束了"
        case .truncatedData(let h, let dtype, let present):
            "数据不完整：文件头说有 \(h) 字节 \(dtype) 数据，文件里只有 \(present) 字节"
        case .trailingBytes(let h, let dtype, let present):
            "数据后面有多余的字节：文件头说有 \(h) 字节 \(dtype) 数据，文件里有 \(present) 字节"
        case .missingTensor(let name, let uni):
            "缺少张量 \(name)" + (uni ? "（看起来是单向 LSTM；请用 bidirectional=True 创建）" : "")
        case .nonFinite(let tensor, let value, let index): "张量 \(tensor)：下标 \(index) 处有非有限值 \(value)"
        }
    }
}
