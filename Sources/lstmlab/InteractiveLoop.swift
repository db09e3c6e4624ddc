import LabShell

/// The interactive loop on a terminal (plain line reading; readline comes with the shell).
enum InteractiveLoop {
    static func run(lab: inout Lab) -> Int32 {
        StdIO.out(Lab.banner)
        while true {
            print(lab.prompt, terminator: "")
            guard let line = readLine(strippingNewline: true) else { print(""); return 0 }
            let result = lab.handle(line)
            StdIO.out(result.output)
            if let error = result.error { StdIO.err("error: \(error)") }
            if result.quit { return 0 }
        }
    }
}
