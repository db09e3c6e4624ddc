import Foundation
import LabText
import TensorFiles

/// The lesson files under a `lessons/` folder: `en/NN-slug.md`, `zh/NN-slug.md`.
public struct LessonCatalog: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public static let languages = ["en", "zh"]

    public struct Entry: Equatable, Sendable {
        public var id: Int
        public var slug: String
        public var language: String
        public var url: URL
        /// `lessons/en/03-linear-shapes.md`, the name used in `FILE:LINE`.
        public var displayPath: String
    }

    /// The lessons of `language`, by id.
    public func entries(language: String) -> [Entry] {
        let dir = root.appendingPathComponent(language)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.compactMap { name -> Entry? in
            guard let (id, slug) = LessonCatalog.parseFileName(name) else { return nil }
            return Entry(
                id: id, slug: slug, language: language, url: dir.appendingPathComponent(name),
                displayPath: "\(PathName.name(of: root.path))/\(language)/\(name)")
        }.sorted { $0.id < $1.id }
    }

    /// Lesson `id` in `language`, else in English.
    public func entry(id: Int, language: String) -> Entry? {
        entries(language: language).first { $0.id == id } ?? entries(language: "en").first { $0.id == id }
    }

    /// Every lesson id in any language.
    public var ids: [Int] {
        Array(Set(LessonCatalog.languages.flatMap { entries(language: $0).map(\.id) })).sorted()
    }

    public func load(_ entry: Entry) throws(LessonErrors) -> Lesson {
        try LessonCatalog.load(url: entry.url, displayPath: entry.displayPath, language: entry.language)
    }

    public static func load(url: URL, displayPath: String, language: String) throws(LessonErrors) -> Lesson {
        let text: String
        switch readText(url) {
        case .success(let t): text = t
        case .failure(let problem):
            throw LessonErrors([
                LessonError(
                    file: displayPath, line: 1, problem: LessonFileMessage.cannotReadFile(reason: problem.reason))
            ])
        }
        return try LessonParser.parse(text, file: displayPath, language: language)
    }

    /// The largest lesson file read; the course's lessons are a few KiB.
    public static let maxFileBytes = 1 << 20

    struct ReadProblem: Error { var reason: LessonFileMessage }

    /// Reads a lesson file, refusing folders, devices and pipes (`/dev/zero` never
    /// ends) and anything over `maxFileBytes` before reading it.
    static func readText(_ url: URL) -> Result<String, ReadProblem> {
        let path = url.resolvingSymlinksInPath().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(.init(reason: .readMissing))
        }
        guard !isDir.boolValue else { return .failure(.init(reason: .readFolder)) }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(.init(reason: .readNotRegular))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileBytes else {
            return .failure(.init(reason: .readTooBig(size: size, limit: maxFileBytes)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.init(reason: .readDenied))
        }
        guard data.count <= maxFileBytes else {
            return .failure(.init(reason: .readGrew(limit: maxFileBytes)))
        }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.init(reason: .readNotUTF8)) }
        return .success(text)
    }

    /// `03-linear-shapes.md` → (3, "linear-shapes").
    public static func parseFileName(_ name: String) -> (Int, String)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dash = stem.firstIndex(of: "-") else { return nil }
        let digits = stem[..<dash]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(digits) else {
            return nil
        }
        return (id, String(stem[stem.index(after: dash)...]))
    }

    /// The language of a lesson file from its folder (`…/zh/…` → `zh`), else `en`.
    public static func language(
        ofPath path: String,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String {
        let parent = PathName.name(of: PathName.parent(of: PathName.absolute(path, from: currentDirectory)))
        return languages.contains(parent) ? parent : "en"
    }

    /// Where the lessons are: `$LSTMLAB_LESSONS`; else a `lessons` folder in
    /// the executable's folder or one of its parents (the package root when
    /// run from `.build`); else `lessons/` in the current directory.
    public static func locate(environment: [String: String], executablePath: String?, currentDirectory: String) -> URL {
        let fm = FileManager.default
        func isDir(_ u: URL) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: u.path, isDirectory: &d) && d.boolValue
        }
        if let env = environment["LSTMLAB_LESSONS"], !env.isEmpty {
            return URL(fileURLWithPath: env, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true))
                .standardizedFileURL
        }
        if let exe = executablePath, !exe.isEmpty {
            let resolved = URL(fileURLWithPath: PathName.absolute(exe, from: currentDirectory))
                .resolvingSymlinksInPath().path
            var dir = PathName.parent(of: resolved)
            for _ in 0..<12 {
                let candidate = PathName.join(dir, "lessons")
                if isDir(URL(fileURLWithPath: PathName.join(candidate, "en"))) {
                    return URL(fileURLWithPath: candidate)
                }
                let parent = PathName.parent(of: dir)
                if parent == dir { break }
                dir = parent
            }
        }
        return URL(fileURLWithPath: currentDirectory).appendingPathComponent("lessons")
    }
}
