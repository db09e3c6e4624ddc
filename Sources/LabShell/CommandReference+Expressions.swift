import TensorExpr

/// The expression language's section of `docs/COMMANDS.md`; the function
/// lists are read from the language itself.
extension CommandReference {
    static var expressions: String {
        let code = { (names: [String]) in names.map { "`\($0)`" }.joined(separator: ", ") }
        let methodsOnly = Functions.methods.filter { !Functions.all.contains($0) }
        return """
            ## Expressions

            `print EXPR` (`p`), `let NAME = EXPR`, `save EXPR to PATH`, `answer EXPR` in a lesson, and
            `show`, `heatmap`, `spark`, `watch` wherever a view name goes take an expression with
            PyTorch's spelling and semantics, in float32 with the engine's own σ and tanh (so
            `p sigmoid(gates_pre_f[0, 0, 16])` prints the very number `show gates` shows).

            ```text
            lstmlab fwd 0/5 bwd 0/5> print W_hh_f.T @ W_hh_f       # the [H, H] identity of an orthogonal init
            lstmlab fwd 0/5 bwd 0/5> step fwd 2
            lstmlab fwd 2/5 bwd 0/5> print c_f[:2, 0]               # (t, unit): the two computed steps
            lstmlab fwd 2/5 bwd 0/5> print c_f[3]
            error: c_f[3] is not computed yet: the forward direction has taken 2 of 5 steps
            lstmlab fwd 2/5 bwd 0/5> let W = zeros(64, 3)           # the draft's [4H, B] weight
            lstmlab fwd 2/5 bwd 0/5> p F.linear(x[:, 0], W)
                                       ^
            error: mat1 and mat2 shapes cannot be multiplied (3x8 and 3x64)
            lstmlab fwd 2/5 bwd 0/5> run
            lstmlab fwd 5/5 bwd 5/5> spark c_f[:, 0, 5]             # unit 5 of sequence 0 over time
            lstmlab fwd 5/5 bwd 5/5> save c_f[:, 0] to unit0.npy
            ```

            **Names.** Everything `show` knows: `x` (in the session's layout), `y`, `h_n`, `c_n`, `h0`, `c0`,
            `W_ih_f`, `W_hh_f`, `b_ih_f`, `b_hh_f` and the `_b` ones. Every per-step quantity over time:

            | name | shape | what |
            |---|---|---|
            | `gates_pre_f`, `gates_f` | `[T, B, 4H]` | forward z and activated gates, time order |
            | `c_f`, `h_f` | `[T, B, H]` | forward cell and hidden states, time order |
            | `gates_pre_b`, `gates_b`, `c_b`, `h_b` | as above | backward, flipped into time order: `c_b[t]` read `x[:, t]` |
            | `gates_pre_b_rev`, … `h_b_rev` | as above | backward in processing order: `c_b_rev[k]` is its k-th step |
            | `i_f`, `f_f`, `g_f`, `o_f` (`_b`) | `[B, H]` | the current step's activated chunks |
            | `z_f`, `z_b` | `[B, 4H]` | the current step's pre-activation gates |
            | `c_f_l1`, `h_b_rev_l0`, `y_l1`, … | as above | one layer's, whatever `layer N` chose (`y` is the top layer's) |

            With layers, the names without `_l` follow `layer N`. With lengths (packed), each
            sequence is on its own clock: `c_b[t]` of sequence b is its backward step at t (which
            started at its own last step), `c_b_rev[k]` its own k-th step, and positions past its
            length are 0 and printed as `pad` when the expression only indexes the name.

            Only computed steps have values: indexing them works, anything that would read another
            step is refused with the reason. Axis names (`t`, `b`, `unit`, …) follow indexing into
            the header. `let` variables never shadow a built-in name or a function; `vars` lists
            them, `info` shows them, `unlet NAME` drops one.

            **Language.** Numbers (`3` is an integer, `0.5` a float), `[[1, 2], [3, 4]]` tensors,
            `+ - * / // **` elementwise with broadcasting, unary `-`, `@` (`torch.matmul`: dot,
            matrix–vector, batched with broadcast batch dimensions), `== != < <= > >=` giving 0/1.
            Indexing: `a[0]`, `a[-1]`, `a[:, 3]`, `a[1:4]`, `a[::2]`, `a[..., 5]`, `a[:, None]`,
            `a[[0, 2]]`, `a[a > 0]` (1-D masks). Attributes: `.T`, `.mT`, `.shape` (`torch.Size`,
            indexable), `.ndim`. Functions, with or without `torch.` / `F.`, and as methods:
            \(code(Functions.all)). Methods only: \(code(methodsOnly)). Keyword arguments as PyTorch
            names them (`dim=`, `keepdim=`, `dims=`, `start_dim=`); `chunk` returns a tuple you can
            index; `max`/`min` with `dim=` return `(values, indices)`.

            **Errors** are PyTorch's own words with the shapes (`mat1 and mat2 shapes cannot be
            multiplied (3x8 and 16x64)`, `The size of tensor a (16) must match the size of tensor b (3)
            at non-singleton dimension 1`, `index 5 is out of bounds for dimension 0 with size 5`),
            with a caret under the offending token.

            **Output.** A tensor prints as `show` prints it (big ones summarised with `⋮` and `…`,
            `set precision` honoured); a scalar as a number; a tuple element by element.

            **Bounds.** Every result and intermediate counts against `--memory-limit` and every
            operation's work against `--compute-limit`, each refused with the estimate before it
            allocates or computes; expressions nest at most \(ExprParser.maxDepth) levels and a line is at
            most \(ExprParser.maxLength) characters; Ctrl-C stops a long expression and keeps the session.
            """
    }
}
