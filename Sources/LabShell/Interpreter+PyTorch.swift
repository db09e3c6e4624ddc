import Foundation
import LSTMCore
import LabText
import TensorFiles
import TermRender

extension Interpreter {
    /// `export pytorch DIR`: everything PyTorch needs to redo the lab's forward
    /// pass and a `check.py` that does it and prints the largest difference, so a
    /// learner or teacher can show in one command that the two agree.
    func exportPyTorch(to dir: String) throws -> [Output] {
        let st = session.stepper
        guard session.settings.variant == .correct else {
            throw LabError(said: FileReplyMessage.pytorchNeedsCorrect)
        }
        let complete = session.stack?.isComplete ?? st.isComplete
        guard complete else {
            throw LabError(
                said: FileReplyMessage.pytorchNeedsFinished(
                    position: session.positionText, layers: session.layerCount > 1))
        }
        try Self.prepareFolder(dir)
        let b = st.batch
        let h = session.parameters.hiddenSize
        let d = session.parameters.inputSize
        let layers = session.layerCount
        var files: [(String, Tensor)] = [("input.npy", session.input)]
        if session.h0 != nil || session.c0 != nil {
            files.append(("h0.npy", try session.h0 ?? Tensor(zerosWithShape: [2 * layers, b, h])))
            files.append(("c0.npy", try session.c0 ?? Tensor(zerosWithShape: [2 * layers, b, h])))
        }
        // The lengths PyTorch packs with; `set packed off` runs the padded batch whole, as nn.LSTM does unpacked.
        let packedLengths = session.stack.flatMap { $0.packed ? $0.lengths : nil }.flatMap { $0.isFull ? nil : $0 }
        if let packedLengths {
            files.append(("lengths.npy", try Tensor(shape: [b], data: packedLengths.values.map(Float.init))))
        }
        if let stack = session.stack {
            files += [
                ("y.npy", stack.y()), ("h_n.npy", stack.finalStates()), ("c_n.npy", stack.finalStates(cell: true)),
            ]
        } else {
            files += [("y.npy", st.output.tensor), ("h_n.npy", try st.finalHidden()), ("c_n.npy", try st.finalCell())]
        }
        var metadata = ["format": "pt"]
        if let alphabet = session.modelAlphabet { metadata["alphabet"] = alphabet }
        let path = { (name: String) in PathName.join(dir, name) }
        let weights =
            layers > 1
            ? StateDict.tensors(of: try session.stackedParameters) : StateDict.tensors(of: session.parameters)
        try SafeTensors.write(weights, metadata: metadata, path: path("weights.safetensors"))
        var written = ["weights.safetensors"]
        if let loaded = session.head, let (logits, _) = try session.logits() {
            let k = loaded.head.classCount
            try SafeTensors.write(
                [("weight", loaded.head.weight.tensor), ("bias", try Tensor(shape: [k], data: loaded.head.bias))],
                metadata: ["classes": loaded.classes.joined(separator: ",")], path: path("head.safetensors"))
            written.append("head.safetensors")
            files.append(("logits.npy", logits))
        }
        for (name, tensor) in files {
            try NPY.write(tensor, path: path(name))
            written.append(name)
        }
        let script = Self.checkScript(
            inputSize: d, hiddenSize: h, layers: layers, classes: session.head?.head.classCount,
            ablation: session.ablation, language: session.settings.language)
        do {
            try AtomicFile.write(to: path("check.py")) { Array(script.utf8) }
        }
        written.append("check.py")
        let model =
            "nn.LSTM(\(d), \(h)\(layers > 1 ? ", num_layers=\(layers)" : ""), bidirectional=True, batch_first=True)"
        return [
            .text(
                say(
                    FileReplyMessage.exportedPyTorch(
                        folder: dir, files: written.joined(separator: say(ListMessage.enumeration)),
                        script: path("check.py"), model: model,
                        packed: packedLengths != nil,
                        head: session.head.map { "nn.Linear(\(2 * h), \($0.head.classCount))" })))
        ]
    }

    /// The script `export pytorch` writes; it needs torch, numpy and safetensors.
    static func checkScript(
        inputSize d: Int, hiddenSize h: Int, layers: Int, classes k: Int?, ablation: LinearHead.Ablation,
        language: Language = .en
    ) -> String {
        // What the script prints is in the session's language; the code and its comments are code.
        let (row, verdict) = (
            FileReplyMessage.checkRowPrint.text(language), FileReplyMessage.checkVerdictPrint.text(language)
        )
        return
            """
            #!/usr/bin/env python3
            \"\"\"Written by lstmlab's `export pytorch`: rebuild the lab's model in PyTorch, run it on
            the lab's input and print the largest difference from the lab's numbers.

                python3 check.py          (needs torch, numpy, safetensors)

            Exit status 0 when every number agrees within 1e-5 + 1e-5·|value|, 1 otherwise.
            \"\"\"
            import os
            import sys

            import numpy as np
            import torch
            from safetensors.torch import load_file
            from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

            HERE = os.path.dirname(os.path.abspath(__file__))
            D, H, L, K = \(d), \(h), \(layers), \(k.map(String.init) ?? "None")
            ABLATE = "\(ablation.rawValue)"  # the half of y the lab's head saw as zeros (lstmlab: set ablate)
            ATOL = RTOL = 1e-5


            def npy(name):
                return torch.from_numpy(np.load(os.path.join(HERE, name)))


            torch.set_num_threads(1)
            lstm = torch.nn.LSTM(D, H, num_layers=L, bidirectional=True, batch_first=True)
            lstm.load_state_dict(load_file(os.path.join(HERE, "weights.safetensors")))
            x = npy("input.npy")
            with torch.no_grad():
                state = (npy("h0.npy"), npy("c0.npy")) if os.path.exists(os.path.join(HERE, "h0.npy")) else None
                if os.path.exists(os.path.join(HERE, "lengths.npy")):
                    # Each sequence's own length (lstmlab: lengths), packed as the lab runs it.
                    lengths = npy("lengths.npy").long()
                    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                    out, (h_n, c_n) = lstm(packed, state)
                    y, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
                else:
                    y, (h_n, c_n) = lstm(x, state)
                results = {"y": y, "h_n": h_n, "c_n": c_n}
                if K is not None:
                    head = torch.nn.Linear(2 * H, K)
                    head.load_state_dict(load_file(os.path.join(HERE, "head.safetensors")))
                    seen = y.clone()
                    if ABLATE == "fwd":
                        seen[..., :H] = 0
                    elif ABLATE == "bwd":
                        seen[..., H:] = 0
                    results["logits"] = head(seen)

            worst, ok = 0.0, True
            for name, value in results.items():
                lab = npy(name + ".npy")
                diff = (value - lab).abs()
                worst = max(worst, diff.max().item())
                ok = ok and bool((diff <= ATOL + RTOL * lab.abs()).all())
                \(row)
            \(verdict)
            sys.exit(0 if ok else 1)

            """
    }
}
