import LabShell

/// The launcher's part of `docs/COMMANDS.md`; the rest comes from the command table.
enum LauncherReference {
    /// The whole of `docs/COMMANDS.md` (`lstmlab --commands-markdown`).
    static var commandsMarkdown: String { CommandReference.markdown(appendix: launcher) }

    static let launcher = """
        ## The launcher
        | invocation | meaning |
        |---|---|
        | `lstmlab` | the interactive lab on the demo model (readline on a terminal; piped input runs as a script) |
        | `lstmlab -c "cmd; cmd"`, `lstmlab FILE` | run commands with no prompt; the first error stops with\
         `SOURCE:LINE: error: …` (the line quoted below it, a `^` under the word at fault) and exit 1 |
        | `--keep-going` | report every failing command and go on (exit 1 at the end if any failed) |
        | `--color auto\\|always\\|never`, `--memory-limit MiB`, `--compute-limit GFLOP`, `--threads N` | colour,\
         the size limit (default 2048 MiB), the work limit per command (default 1000 GFLOP), threads for\
         `step`/`run`/`bench` (default: the machine's cores) |
        | `lstmlab --lesson N [--lang en\\|zh] [--auto] [--pace SECONDS]` | play a lesson; `--auto` plays it to the\
         end with no input |
        | `lstmlab bench --shape B,T,D,H [--threads N] [--repeat R] [--json]` | the benchmark from the command\
         line; with `--paced`, one timed forward per line of standard input naming `per-gate`, `fused`, `hoisted`\
         or `run`, answered as one JSON line (for timing side by side with another program) |
        | `lstmlab --commands-markdown` | print this reference, generated from the command table |

        Exit statuses: 0 ok, 1 a command failed, 2 usage error.
        """
}
