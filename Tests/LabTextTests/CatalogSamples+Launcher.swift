@testable import LabText

/// Samples of what the program says around the lab (script lines, Ctrl-C, the history file).
extension CatalogSamples {
    static let launcher: [LauncherMessage] = [
        .errorLabel, .notUTF8Line, .interrupted, .noLessons(id: 21, folder: "/tmp/L1"),
        .noSuchLesson(id: 23, ids: "1, 2, 5"), .historyNotSaved(.folder(path: "/tmp/h1")),
        .historyNotSaved(.notRegular(path: "/tmp/h2", kind: .notRegular(kind: .fifo))),
        .historyNotSaved(.notRegular(path: "/tmp/h7", kind: nil)),
        .historyNotSaved(.cannotRead(path: "/tmp/h3", code: 13, system: "Permission denied")),
        .historyNotSaved(.cannotWrite(path: "/tmp/h4", code: 28, system: "No space left on device")),
        .historyNotSaved(.cannotCreateFolder(path: "/tmp/h5")),
        .historyNotSaved(.cannotCreate(path: "/tmp/h6", code: 99, system: "Some error")),
    ]
}
