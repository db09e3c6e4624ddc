import ArgumentParser
import Foundation
import LabText

/// `lstmlab --help` in Chinese: the launcher's flags, worded for a Chinese-speaking learner.
enum ChineseHelp {
    /// `--lang zh` (or `--lang=zh`) among the arguments, else the locale (also when `--lang` names no language).
    static func language(_ arguments: [String], _ environment: [String: String]) -> Language {
        for (i, a) in arguments.enumerated() {
            var code: String?
            if a == "--lang", i + 1 < arguments.count { code = arguments[i + 1] }
            if a.hasPrefix("--lang=") { code = String(a.dropFirst(7)) }
            if let code, let language = Language(code: code) { return language }
        }
        return Language.fromLocale(environment)
    }

    static let text = """
        概要：逐个时间步单步执行双向 LSTM，两个方向都可以。

        用法：lstmlab [<选项>] [FILE]
              lstmlab --lesson N [--lang en|zh] [--auto] [--pace SECONDS]
              lstmlab bench --shape B,T,D,H [--threads N] [--repeat R] [--json]

        没有 FILE 也没有 -c 时，在终端上启动交互式实验室；标准输入是管道时按脚本读入命令。
        进入实验室后输入 help 查看全部命令。

        参数：
          FILE                    一个实验室命令脚本，每行一个命令（# 开始注释）

        选项：
          -c <commands>           执行这些命令（用 ; 分隔）后退出
          --keep-going            在 -c、FILE 或管道输入中报告每个失败的命令并继续（最后若有失败则以状态 1 退出）
          --color <when>          颜色：auto（终端上且没有 NO_COLOR、TERM=dumb）、always 或 never
          --memory-limit <MiB>    拒绝内存估计超过这么多 MiB 的尺寸（默认 2048）
          --compute-limit <GFLOP> 拒绝浮点运算估计超过这么多 GFLOP 的命令（默认 1000）
          --threads <N>           step、run 和 bench 使用的线程数（默认：机器的核数）
          --lang <en|zh>          实验室和课程的语言（默认看 LC_ALL、LC_MESSAGES、LANG，以 zh 开头即中文）
          --lesson <N>            播放第 N 课（实验室里 lesson list 列出课程）
          --auto                  与 --lesson 一起用：不需要输入，按答案自动播放到结尾
          --pace <SECONDS>        与 --lesson 一起用：逐字打出课程里的命令，每个字符这么多秒
          --commands-markdown     打印由命令表生成的命令一览（加 --lang zh 得到中文版）
          -h, --help              显示本帮助

        退出状态：0 成功，1 有命令失败，2 用法错误。
        """
}

extension UsageMessage {
    /// The refusal in the launch's language (`--lang`, else the locale), for the argument parser to print.
    static func refusal(_ message: UsageMessage) -> ValidationError {
        let language = ChineseHelp.language(
            Array(CommandLine.arguments.dropFirst()), ProcessInfo.processInfo.environment)
        return ValidationError(message.text(language))
    }
}
