import Testing

@testable import LessonKit

@Suite struct LessonParserTests {
    @Test func parsesTheStructure() throws {
        let l = try LessonParser.parse(Fixture.lesson, file: "f.md")
        #expect(l.id == 3)
        #expect(l.title == "One product for four gates")
        #expect(l.lockSkip == false)
        #expect(l.intro == "# One product for four gates\n\nIntro text.")
        #expect(l.steps.map(\.title) == ["Look at the fused weight", "Step once", "The end"])
        #expect(l.steps[0].line == 10)
        #expect(
            l.steps[0].labLines == [
                LabLine(command: "sizes B=3 T=5 D=8 H=16", line: 15),
                LabLine(command: "show W_ih_f", line: 16),
            ])
        let q = try #require(l.steps[0].question)
        #expect(q.answer == .number(64, tolerance: .shown(digits: 0)))
        #expect(q.hints.count == 3)
        #expect(q.line == 21)
        #expect(q.answerLine == 23)
        #expect(l.steps[0].segments.count == 5)
        #expect(l.steps[0].segments.last == .narration("After the question."))
        #expect(
            l.steps[1].question?.answer
                == .value(ValueReference(name: "h", index: [0, 3], direction: "fwd"), tolerance: .absolute(1e-4)))
        #expect(l.steps[2].segments == [.narration("Only words here.")])
    }

    @Test func otherFencesAreNarrationAndIndentedLinesContinue() throws {
        let text = """
            ---
            id: 1
            title: T
            lock_skip: true
            ---
            ## S
            ```text
            z = x·Wᵀ
            ```
            ```question
            ask: Which?
            choice: a) one
            choice: B) two
              more words
            answer: choice b
            solution: Two,
              because.
            ```
            """
        let l = try LessonParser.parse(text, file: "f.md")
        #expect(l.lockSkip)
        #expect(l.steps[0].segments.first == .narration("```text\nz = x·Wᵀ\n```"))
        let q = try #require(l.steps[0].question)
        #expect(q.choices == [Choice(key: "a", text: "one"), Choice(key: "b", text: "two more words")])
        #expect(q.solution == "Two,\nbecause.")
    }

    static let errorCases: [(String, String)] = [
        (
            "no front matter",
            "f.md:1: error: the file must start with front matter: a '---' line, 'id:' and 'title:', then '---'"
        ),
        ("---\nid: 1\ntitle: T\n", "f.md:1: error: front matter is not closed: add a '---' line after it"),
        ("---\nid: x\ntitle: T\n---\n## S\n", "f.md:2: error: id must be a positive integer, got 'x'"),
        ("---\ntitle: T\n---\n## S\n", "f.md:1: error: front matter has no 'id:'"),
        ("---\nid: 1\n---\n## S\n", "f.md:1: error: front matter has no 'title:'"),
        (
            "---\nid: 1\ntitle: T\nlevel: 2\n---\n## S\n",
            "f.md:4: error: unknown front matter key 'level' (known: id, title, lock_skip, setup)"
        ),
        ("---\nid: 1\ntitle: T\nid: 2\n---\n## S\n", "f.md:4: error: front matter key 'id' appears twice"),
        (
            "---\nid: 1\ntitle: T\nlock_skip: yes\n---\n## S\n",
            "f.md:4: error: lock_skip must be true or false, got 'yes'"
        ),
        ("---\nid: 1\ntitle: T\noops\n---\n## S\n", "f.md:4: error: front matter lines are 'key: value', got 'oops'"),
        ("---\nid: 1\ntitle: T\n---\ntext only\n", "f.md:5: error: the lesson has no steps: start one with '## Title'"),
        (
            "---\nid: 1\ntitle: T\n---\n```lab\nrun\n```\n## S\n",
            "f.md:5: error: '```lab' block before the first step: start a step with '## Title'"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```lab\nrun\n",
            "f.md:6: error: block '```lab' is not closed: add a '```' line after it"
        ),
        ("---\nid: 1\ntitle: T\n---\n##\n", "f.md:5: error: step heading '##' has no title"),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```lab\n# only a comment\n```\n",
            "f.md:6: error: lab block has no commands"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nsolution: s\n```\n",
            "f.md:6: error: question has no 'answer:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\n```\n",
            "f.md:6: error: question has no 'solution:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nanswer: number 1\nsolution: s\n```\n",
            "f.md:6: error: question has no 'ask:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nanswer: number 2\nsolution: s\n```\n",
            "f.md:9: error: a question has one 'answer:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nask: B?\nanswer: number 1\nsolution: s\n```\n",
            "f.md:8: error: a question has one 'ask:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nsolution: s\nsolution: t\n```\n",
            "f.md:10: error: a question has one 'solution:' line"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nhint: 1\nhint: 2\nhint: 3\nhint: 4\nsolution: s\n```\n",
            "f.md:12: error: a question has at most 3 hints"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nnote: x\nsolution: s\n```\n",
            "f.md:9: error: unknown question key 'note' (known: ask, answer, choice, hint, wrong, solution)"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\njust words\nsolution: s\n```\n",
            "f.md:9: error: question lines are 'key: text', got 'just words'"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask:\nanswer: number 1\nsolution: s\n```\n",
            "f.md:7: error: 'ask:' is empty"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nsolution: s\n```\n```question\nask: B?\nanswer: number 1\nsolution: s\n```\n",
            "f.md:11: error: a step has at most one question block"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: choice c\nchoice: a) x\nchoice: b) y\nsolution: s\n```\n",
            "f.md:8: error: answer 'c' is not one of the choices (a, b)"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: choice a\nsolution: s\n```\n",
            "f.md:8: error: 'answer: choice' needs 'choice: K) text' lines"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: number 1\nchoice: a) x\nsolution: s\n```\n",
            "f.md:9: error: 'choice:' lines need 'answer: choice K'"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: choice a\nchoice: a x\nsolution: s\n```\n",
            "f.md:9: error: choice lines are 'choice: K) text', got 'a x'"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: choice a\nchoice: a) x\nchoice: a) y\nsolution: s\n```\n",
            "f.md:10: error: choice 'a' is listed twice"
        ),
        (
            "---\nid: 1\ntitle: T\n---\n## S\n```question\nask: A?\nanswer: colour red\nsolution: s\n```\n",
            "f.md:8: error: unknown answer kind 'colour' (known: number, value, shape, gate, choice, text)"
        ),
    ]

    @Test(arguments: errorCases)
    func reportsExactErrors(source: String, expected: String) {
        #expect(throws: LessonErrors.self) { try LessonParser.parse(source, file: "f.md") }
        do {
            _ = try LessonParser.parse(source, file: "f.md")
        } catch {
            #expect(error.errors.first?.description == expected)
        }
    }

    @Test func collectsSeveralErrorsInLineOrder() {
        let text = "---\nid: 0\ntitle: T\n---\n## S\n```question\nask: A?\n```\n"
        do {
            _ = try LessonParser.parse(text, file: "x.md")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.description == """
                    x.md:2: error: id must be a positive integer, got '0'
                    x.md:6: error: question has no 'answer:' line
                    x.md:6: error: question has no 'solution:' line
                    """)
        }
    }

    @Test func stripsCommentsOutsideQuotes() {
        #expect(LessonParser.stripComment("show h  # look") == "show h")
        #expect(LessonParser.stripComment("load weights \"a#b\" # c") == "load weights \"a#b\"")
        #expect(LessonParser.stripComment("# all comment") == "")
    }
}
