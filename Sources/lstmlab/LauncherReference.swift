import LabShell

/// The launcher's part of `docs/COMMANDS.md`; the rest comes from the command table.
enum LauncherReference {
    /// The whole of `docs/COMMANDS.md` (`lstmlab --commands-markdown`).
    static var commandsMarkdown: String { CommandReference.markdown(appendix: launcher) }

    /// `docs/COMMANDS.zh.md` (`lstmlab --commands-markdown --lang zh`).
    static var chineseCommandsMarkdown: String { CommandReference.chineseMarkdown(appendix: chineseLauncher) }

    /// The launcher in Chinese: the appendix of `docs/COMMANDS.zh.md`, and `--help` when the language is zh.
    static let chineseLauncher = """
        ## 启动方式
        | 用法 | 说明 |
        |---|---|
        | `lstmlab` | 在演示模型上启动交互式实验室（终端上有行编辑；从管道读入时按脚本执行） |
        | `lstmlab -c "cmd; cmd"`、`lstmlab FILE` | 不显示提示符直接执行命令；第一个错误以 `SOURCE:LINE: error: …` 报告并以状态 1 退出 |
        | `--keep-going` | 报告每个失败的命令并继续（最后若有失败则以状态 1 退出） |
        | `--lang en\\|zh` | 实验室和课程的语言（默认看 `LC_ALL`、`LC_MESSAGES`、`LANG`，以 `zh` 开头即中文） |
        | `--color auto\\|always\\|never`、`--memory-limit MiB`、`--compute-limit GFLOP`、`--threads N` | 颜色、\
        内存上限（默认 2048 MiB）、每个命令的计算上限（默认 1000 GFLOP）、`step`/`run`/`bench` 的线程数 |
        | `lstmlab --lesson N [--lang en\\|zh] [--auto] [--pace SECONDS]` | 播放一课；`--auto` 不需要输入，自动播放到结尾 |
        | `lstmlab bench --shape B,T,D,H [--threads N] [--repeat R] [--json]` | 在命令行上计时 |
        | `lstmlab --commands-markdown [--lang zh]` | 打印由命令表生成的命令一览 |

        退出状态：0 成功，1 有命令失败，2 用法错误。
        """

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
