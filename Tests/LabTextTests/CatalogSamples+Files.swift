@testable import LabText

/// Samples of the file commands' replies and refusals, and of what the file readers find wrong.
extension CatalogSamples {
    static let fileReply: [FileReplyMessage] = [
        .loadedWeights(path: "/tmp/w.safetensors", inputs: 3, hidden: 5, layers: 7, notes: "NOTES"),
        .loadedWeights(path: "/tmp/w.safetensors", inputs: 11, hidden: 13, layers: nil, notes: nil),
        .inputRedrawnFor(inputs: 17), .initialStateZeroed(hidden: 19), .alphabetFromMetadata(alphabet: "'()ab'"),
        .alphabetIgnored(alphabet: "'xyz'", inputs: 23), .headDropped(takes: 29, model: 31),
        .loadedInput(path: "x.npy", layout: "[B, T, D]", shape: "[37, 41, 3]", batch: 37, length: 41),
        .loadedState(name: "h0", path: "h0.npy", shape: "[2, 3, 16]", stacked: true),
        .loadedState(name: "c0", path: "c0.npy", shape: "[2, 3, 16]", stacked: false),
        .savedWeights(path: "w.safetensors", inputs: 43, hidden: 47, layers: 53, batchFirst: true),
        .savedWeights(path: "w.safetensors", inputs: 59, hidden: 61, layers: nil, batchFirst: false),
        .exported(folder: "out/", files: "y.npy [3, 5, 32]"), .exported(folder: "out/", files: nil),
        .notWritten(parts: "PARTS"), .partSeparator, .finalNotWritten(position: "fwd 1/5 bwd 0/5"),
        .finalNotWritten(position: nil), .noStepsYet(prefix: "l1_fwd"), .removedEarlier(names: "y.npy, h_n.npy"),
        .removedTemporaries(count: 67), .perStepNote, .exportInterrupted, .notAFolder(path: "/tmp/f"),
        .parentMissing(path: "/a/b/c", parent: "/a/b"), .ancestorNotFolder(path: "/f/x", ancestor: "/f"),
        .folderPermission(path: "/root/x", ancestor: "/root"), .folderRefused(path: "/proc/x"),
        .exportedPyTorch(
            folder: "/tmp/p", files: "weights.safetensors, y.npy", script: "/tmp/p/check.py", model: "nn.LSTM(8, 16)",
            packed: true, head: "nn.Linear(32, 3)"),
        .exportedPyTorch(folder: "p", files: "y.npy", script: "p/check.py", model: "MODEL", packed: false, head: nil),
        .pytorchNeedsCorrect, .pytorchNeedsFinished(position: "fwd 2/5 bwd 0/5", layers: true),
        .pytorchNeedsFinished(position: "fwd 3/5 bwd 1/5", layers: false),
        .loadedHead(path: "head.safetensors", classes: 71, hidden: 73, names: "a, b", named: false),
        .recordInLesson, .nothingRecorded, .recordNotWritten(path: "'/tmp'"),
        .wroteRecording(path: "r.md", commands: 79),
        .alreadyRecording(path: "'r.md'"), .recordFolderMissing(path: "'/x/r.md'", folder: "'/x'"),
        .recordingTo(path: "r.md"), .transcriptTitle, .checkRowPrint, .checkVerdictPrint, .noteSeparator,
        .folderNotScript,
    ]
}

extension CatalogSamples {
    static let tensorFile: [TensorFileMessage] = [
        .npyTruncatedPreamble(size: 3), .npyVersion(major: 5, minor: 7),
        .npyHeaderTooLong(length: "999", available: 11, preamble: 13),
        .headerNotUTF8, .absurdShape(shape: "[17, 19]"), .shapeTooBig(shape: "[23]", needed: 29, limit: 31),
        .headerSyntax(syntax: .expectedSeparator(closer: ")"), at: 37), .headerSyntax(syntax: .unexpectedText, at: nil),
        .headerNotDict(text: "(1, 2)"), .headerKeyNotString(key: "3"), .headerUnexpectedKey(key: "extra"),
        .headerDuplicateKey(key: "shape"), .headerMissingKey(key: "descr"), .structuredDtype,
        .descrNotString(got: "4"), .fortranOrderNotBool(got: "'no'"), .shapeNotTuple(got: "41", scalar: "41"),
        .shapeNotTuple(got: "'x'", scalar: nil), .dimensionNotInteger(shape: "(1, 'a')", dimension: "'a'"),
        .dimensionTooLarge(shape: "(99999999999999999999,)", dimension: "99999999999999999999"),
        .dimensionNegative(shape: "(-43,)", dimension: -43), .emptyDtype(descr: "<"),
        .unsupportedDtype(descr: "<i8", holds: .signed(bits: 64)), .noByteOrder(descr: "|f4", bytes: 47),
        .nonFiniteAt(value: "nan", index: "[53, 59]"), .tooLargeForFloat32(value: "1e+300", index: "[61]"),
        .inconsistent(detail: "DETAIL"), .metadataNotStrings, .tensorsTooBig(limit: 67),
        .safetensorsTruncatedLength(size: 71), .safetensorsHeaderTooLong(length: "7300", available: 79),
        .headerOverLimit(length: "8300", limit: 89), .headerNotObject, .tooManyEntries(count: 97, limit: 101),
        .tooManyValues(count: 103, tensors: 107), .headerNotJSON,
        .overlap(first: "a", second: "b", begin: 109, end: 113), .unclaimedBytes(begin: 127, end: 131),
        .unusedTrailing(used: 137, size: 139), .inTensor(name: "weight_ih_l0", problem: .entryNotObject),
        .entryNotObject, .entryUnexpectedKey(key: "extra"), .entryMissing(field: "dtype"), .dtypeNotString,
        .safetensorsDtype(dtype: "I32"), .shapeNotIntegers, .negativeDimension(dimension: -149), .dimensionHuge,
        .offsetsNotPair, .offsetsNotNonNegative, .offsetsPastBuffer(size: 151),
        .offsetsReversed(begin: 163, end: 157),
        .offsetsSize(begin: 167, end: 173, shape: "[2, 3]", dtype: "F32", needed: 179),
        .offsetsBeyond(begin: 181, end: 191, size: 193),
    ]

    static let stateDict: [StateDictMessage] = [
        .wholeModel(prefix: "lstm.", names: "weight_ih_l0, weight_hh_l0"),
        .unexpectedTensor(name: "weight_ih_l1", names: "NAMES", hint: .laterLayer),
        .unexpectedTensor(name: "weight_hr_l0", names: "NAMES", hint: .projection),
        .unexpectedTensor(name: "extra", names: "NAMES", hint: nil), .hiddenWeightRank(shape: "[3]"),
        .rowsNotByFour(shape: "[5, 7]", rows: 5), .hiddenWeightShape(shape: "[44, 11]", hidden: 11),
        .hiddenWeightShape(shape: "[0, 0]", hidden: nil), .inputWeightShape(shape: "[52, 2]", hidden: 13),
        .biasShape(name: "bias_ih_l0", shape: "[9]", hidden: 17),
        .reverseShape(name: "bias_hh_l0", shape: "[3]", expected: "[76]"),
        .tooManyLayers(layers: 19, limit: 8), .stackedHiddenShape(shape: "[23, 29]"),
        .missingLayerTensor(name: "bias_hh_l1", layers: 31),
        .unexpectedLayerTensor(name: "extra", layers: 37, projection: true),
        .unexpectedLayerTensor(name: "weight_ih_l9", layers: 41, projection: false),
        .layerShape(
            name: "weight_ih_l2", shape: "[1, 2]", formula: "[4H, 2H]", reads: 1, expected: "[172, 86]", hidden: 43),
        .layerShape(name: "bias_ih_l0", shape: "[1]", formula: "[4H]", reads: nil, expected: "[188]", hidden: 47),
        .headIsLSTM, .headNeedsWeightAndBias(found: "'w'"), .headNeedsWeightAndBias(found: nil),
        .headExtraTensor(name: "extra"), .headShapes(weight: "[3, 5]", bias: "[7]"),
        .headNonFinite(value: "inf", index: "[53, 59]"), .classesCount(count: 61, names: "a, b", rows: 67),
        .classesNotJSON, .classesBadName(text: "\"a,,b\""), .headWidth(inputs: 71, weight: "[3, 71]", model: 73),
        .inputRank(layout: "[B, T, D]", shape: "[79, 83]"),
        .inputFeatures(inputs: 89, model: 97, shape: "[1, 2, 89]", layout: "[T, B, D]"),
        .inputEmpty(shape: "[0, 5, 8]"),
        .stateShape(name: "h0", formula: "[2L, B, H]", expected: "[4, 3, 16]", shape: "[2, 3, 16]"),
        .writeNotRegular, .writeFolderMissing(folder: "/no/such"), .writeNotFolder(folder: "/tmp/file"),
        .writePermission(folder: "/root"), .writeReadOnly(folder: "/proc"),
        .writeCannotCreate(folder: "/x", code: 28, system: .init("no space left on device")),
        .writeFailed(code: 5, system: .init("input/output error")), .writeInterrupted,
    ]
}

extension CatalogSamples {
    static let sessionError: [SessionErrorMessage] = [
        .lengthsCount(given: 3, batch: 5), .lengthOutOfRange(sequence: 7, value: 11, length: 13),
        .layersTooLargeToCount(sizes: "B=3 T=5 D=8 H=16", layers: 17),
        .layersTooLarge(
            what: "load weights w.safetensors", named: true, layers: 19, bytes: "1.5 GiB", limit: "1.0 GiB"),
        .layersTooLarge(what: "B=4 T=6", named: false, layers: 23, bytes: nil, limit: "2.0 GiB"),
        .tooLargeToCount(what: "sizes B=9"), .cannotAllocate(what: "sizes T=99", amount: "3.5 GiB"),
        .benchRefused(detail: "DETAIL"), .bracketsDamaged(name: "model"), .alphabetEmpty,
        .alphabetTwice(alphabet: "'aba'", character: "'a'"), .padOneCharacter(pad: "'xy'"),
        .padNotInAlphabet(pad: "'z'", alphabet: "'ab'"), .paddingPosition(t: 29, b: 31, characters: 37),
        .inputSetOneCharacter(text: "'ab'"), .notInAlphabet(text: "'c'", alphabet: "'()ab'"),
        .noDirection(view: "h_f", parameter: false), .noDirection(view: "W_ih_f", parameter: true),
        .cannotShow(view: "pred"), .parameterTakesNoIndex(view: "W_hh_b"),
        .lessonIndex(name: "h_f", index: "[41,43]", problem: .axis(axis: 47, index: 53, size: 59), shape: "[3, 16]"),
        .lessonIndex(name: "c_f", index: "[0]", problem: .rank(expected: 61, got: 67), shape: "[3, 16]"),
        .lessonIndex(name: "y", index: "[1]", problem: .other("OTHER"), shape: "[3, 5, 32]"),
        .directionFwdOrBwd(got: "'up'"), .noValues(name: "diagram"), .lessonsNotSetUp,
        .lineTooLong(length: 4099, limit: 4096), .markAfterSpace(code: "301"),
        .controlCharacter(code: 27),
        .workLayers(layers: 79, hidden: 83, drawing: 89), .workInit(kind: "pytorch", inputs: 97, hidden: 101),
        .workSizes(sizes: "B=3 T=5 D=8 H=16", redrawing: "tutorial"), .workSizes(sizes: "B=4", redrawing: nil),
        .workInput(fill: "random", batch: 103, length: 107, inputs: 109),
        .workSteps(command: "run", forward: 113, backward: 127, batch: 131, inputs: 137, hidden: 139),
        .workStepLayer(choice: "fwd", count: 149, layer: 151),
        .workRun(layers: 157, batch: 163, length: 167, hidden: 173),
        .workLoadWeights(inputs: 179, fill: "ones", batch: 181, length: 191), .sizesNotChanged, .weightsNotLoaded,
        .initNotDone(kind: "tutorial"), .inputNotDone(fill: "zeros"), .lessonSteps(id: 71, steps: 73),
    ]
}

extension CatalogSamples {
    static let progress: [ProgressMessage] = [
        .cannotRead(path: "/s/progress.json", system: .init("permission denied")), .newerVersion(version: 3),
        .notCopied(path: "/s/p.json", why: .notJSON, backup: "/s/p.json.bak", system: .init("disk full")),
        .copied(path: "/s/p.json", why: .newer(version: 5), backup: "/s/p.json.bak"),
        .leftAlone(path: "/s/p.json", why: .kind(.folder), backup: "/s/p.json.bak"),
        .notMoved(path: "/s/p.json", why: .kind(.fifo), backup: "/s/p.json.bak", system: .init("busy")),
        .moved(path: "/s/p.json", why: .tooBig(size: 7), backup: "/s/p.json.bak"),
        .moved(path: "/s/q.json", why: .kind(nil), backup: "/s/q.json.bak"),
        .cannotCreateFolder(folder: "/s/a", file: "/s"), .cannotCreateFolder(folder: "/t/a", file: nil),
        .stateFolderNotFolder(folder: "/s", kind: .socket), .stateFolderNotFolder(folder: "/u", kind: nil),
        .stateFolderUnreadable(folder: "/v", system: .init("loop")), .cannotEncode(detail: "DETAIL"),
        .cannotWrite(path: "/s/.tmp", system: .init("no space")), .cannotReplace(path: "/s/p.json", system: .init("x")),
    ]

    static let lessonShell: [LessonShellMessage] = [
        .forgotten(id: 11), .forgottenAll, .noLessonsFound(folder: "/x/lessons"), .hasErrors(path: "zh/01.md"),
        .checked(path: "en/03.md", id: 13, steps: 17, questions: 19, other: "zh"), .warning(text: "TEXT"),
        .notSaved(reason: "REASON"), .cannotBeSaved(reason: "WHY"),
    ]
}

extension CatalogSamples {
    static let lessonFile: [LessonFileMessage] = [
        .couldNotRead, .cannotReadFile(reason: .readMissing), .readMissing, .readFolder, .readNotRegular,
        .readTooBig(size: 3, limit: 5), .readDenied, .readGrew(limit: 7), .readNotUTF8, .noSteps, .noFrontMatter,
        .frontMatterLine(got: "oops"), .unknownFrontMatterKey(key: "level"), .frontMatterKeyTwice(key: "id"),
        .frontMatterNotClosed, .badID(got: "x"), .noID, .emptyTitle, .noTitle, .badLockSkip(got: "yes"),
        .emptySetup, .headingNoTitle, .blockNotClosed(info: "lab"), .blockBeforeStep(info: "question"),
        .emptyLabBlock, .twoTasks, .twoQuestions, .questionLine(got: "huh"), .emptyKey(key: "hint"),
        .questionMissing(key: "ask"), .questionOne(key: "solution"), .questionHints(limit: 11),
        .wrongLine(got: "3"), .choiceTwice(key: "A"), .choiceLine(got: "B text"), .unknownQuestionKey(key: "note"),
        .answerNumber(got: "x"), .answerValue(got: "h"),
        .answerDirection(got: "up"), .answerValueForm(got: "h[0] x"), .answerShapeNumbers(got: "[-1]"),
        .answerShape(got: "3"), .answerGate(got: "q"), .answerChoice(got: "ab"), .answerText,
        .answerKind(kind: "colour", known: "number, value"), .answerTolerance(got: "-1"), .choiceNeedsLines,
        .answerNotChoice(key: "D", choices: "A, B, C"),
        .choicesNeedAnswer, .taskLine(got: "goal"), .unknownTaskKey(key: "when"), .taskOneGoal,
        .taskHints(limit: 13), .taskNoGoal, .taskNoCheck, .taskNoSolution,
        .located(file: "zh/01.md", line: 17, message: "MESSAGE"), .labBlockFiles(command: "save"),
        .labBlockRefused(line: "'lesson list'"),
    ]
}

extension CatalogSamples {
    static let lessonCheck: [LessonCheckMessage] = [
        .otherHasErrors(language: "zh", path: "zh/03.md"),
        .noOtherVersion(language: "en", id: 3, expected: "lessons/en/03-….md"),
        .controlCharacter(code: "001B", column: 5),
        .fileNameID(named: 7, id: 11), .fileName(got: "x.md"),
        .labLine(command: "stpe", detail: .init(english: "DETAIL", chinese: "细节")),
        .checkLine(check: "h_f > 0", detail: .unknownName(name: "WHY")),
        .idDiffers(id: 13, other: 17, file: "zh/13.md"),
        .lockSkipDiffers(file: "zh/1.md"), .setupDiffers(file: "zh/2.md"),
        .stepCount(steps: 19, other: 23, file: "zh/4.md"),
        .labCommandDiffers(step: 29, command: "'step'", other: "'run'", place: "zh/5.md:31"),
        .taskOnlyHere(step: 37, place: "zh/6.md:41"), .taskOnlyThere(step: 43, place: "zh/7.md:47"),
        .taskDiffers(step: 53, place: "zh/8.md:59"), .questionOnlyHere(step: 61, place: "zh/9.md:67"),
        .questionOnlyThere(step: 71, place: "zh/10.md:73"),
        .answerDiffers(step: 79, answer: "number 64", other: "number 65", place: "zh/11.md:83"),
        .wrongsDiffer(step: 89, place: "zh/12.md:97"),
        .choicesDiffer(step: 101, choices: "A, B", other: "A", place: "P:1"),
        .stoppedBeforeEnd, .cannotCheckQuestion, .wrongAccepted(answer: "3"), .answerRefused(answer: "4"),
        .taskHoldsBefore, .taskNotSolved(solution: "step; run"), .cannotReadWrong(expression: "x", detail: "D1"),
        .cannotReadAnswer(answer: "value h_f", detail: "D2"), .expectedRefusal(command: "step 99"),
    ]
}
