#!/usr/bin/env python3
"""Writes Fixtures/torch_table.json: expressions of the lab's tensor language
over fixed tensors, each with PyTorch's result or PyTorch's error.

Run with torch installed (2.13 was used): python3 make_table.py
CI never runs this; it only reads the JSON it wrote.

A lab expression is Python with one difference: a [...] literal used as a
value is a tensor (float32 if any element is a float, else int64), as
torch.tensor would make it. This script turns such literals into
torch.tensor(...) with Python's ast before evaluating with torch.
"""
import ast, json, os, re
import torch
import torch.nn.functional as F

torch.manual_seed(14)
g = lambda *s: torch.randn(*s, dtype=torch.float32)
T = {
    "a": g(2, 3, 4), "m": g(3, 4), "n": g(4, 5), "v": g(4), "u": g(3), "x": g(3, 8),
    "W": g(16, 8), "bias": g(16), "pos": torch.rand(3, 4) + 0.1, "col": g(3, 1), "row": g(1, 4),
    "b3": g(2, 4, 5), "sq": g(4, 4), "s5": g(5), "big": g(5, 40),
}

CASES = r"""
# literals and arithmetic
3
2.5
-4
[[1, 2], [3, 4]]
[1.5, 2, 3]
2 + 3 * 4
7 / 2
7 // 2
-7 // 2
2 ** 10
2 ** -1
-2 ** 2
(-2) ** 2
1e-3 * 5
3 - -2
# elementwise with broadcasting
a + 1
a * 2.5
1 - a
a / 4
m + v
m * row
m + col
col + row
a + m
a * v
a - a[0]
a + [1, 2, 3, 4]
m * [[1], [2], [3]]
pos ** 0.5
pos ** 2
2 ** m
m ** [1, 2, 3, 4]
-m
-a[0, 1]
m / pos
m // 0.5
# comparisons
m > 0
m < v
a == a
m != 0
m >= col
v <= 0.1
(m > 0).sum()
(m > 0) * m
# matmul
m @ n
v @ v
m @ v
u @ m
a @ n
a @ v
b3 @ n[:, 0]
a @ b3
m.T @ m
x @ W.T
n.T @ m.T
a.transpose(1, 2) @ a
a @ a.transpose(1, 2)
u @ a
sq @ sq @ sq
torch.matmul(m, n)
torch.mm(m, n)
m.matmul(n)
# indexing
a[0]
a[-1]
a[1, 2]
a[1, 2, 3]
a[:, 3]
a[:, 1:]
a[1:4]
a[::2]
a[:, ::2, 1]
a[..., 2]
a[0, ...]
a[..., 1:3]
a[:, None]
a[None]
a[None, 0, None]
a[..., None]
v[[0, 2]]
v[[3, 3, 0]]
m[[0, 2]]
m[:, [0, 3]]
m[[0, 2], [1, 3]]
m[[0, 1, 2], 0]
a[:, [0, 2], 1]
a[[0, 1], :, [0, 3]]
v[-3:]
v[:-1]
v[1:1]
v[10:]
v[-10:2]
m[1][2]
a[0][1][2]
v[v > 0]
m[0, m[0] > 0]
v[[True, False, True, False]]
a[1, -1, -1]
m[torch.tensor(1)]
s5[::3]
s5[1::2]
# reductions
m.sum()
m.sum(dim=0)
m.sum(dim=1)
m.sum(dim=-1, keepdim=True)
a.sum(dim=(0, 2))
a.mean()
a.mean(dim=1)
a.mean(dim=[0, 1], keepdim=True)
m.max()
m.min()
m.max(dim=1)
m.min(dim=0)
m.max(dim=1)[0]
m.max(1)[1]
m.argmax()
m.argmax(dim=1)
a.argmin(dim=2, keepdim=True)
m.norm()
m.norm(dim=1)
a.norm(dim=-1, keepdim=True)
torch.sum(a, dim=2)
torch.max(m, pos)
torch.mean(a, 0)
m.prod(dim=1)
v.sum()
# functions and methods
sigmoid(m)
torch.sigmoid(a)
m.sigmoid()
F.sigmoid(v)
tanh(m)
torch.tanh(0.3)
m.tanh()
exp(m)
m.exp()
log(pos)
pos.log()
sqrt(pos)
pos.sqrt()
abs(m)
m.abs()
relu(m)
F.relu(a)
m.relu()
torch.abs(-3)
sigmoid(0.0)
torch.exp(1.0)
softmax(m, dim=1)
F.softmax(a, dim=-1)
m.log_softmax(dim=0)
maximum(m, 0)
minimum(m, v)
m.neg()
torch.add(m, 1)
torch.mul(m, v)
m.sub(col)
m.div(2)
m.pow(2)
# shape functions
m.T
a.T
m.t()
v.t()
torch.t(m)
m.transpose(0, 1)
a.transpose(0, 2)
a.transpose(-1, -2)
m.reshape(4, 3)
m.reshape(-1)
a.reshape(6, -1)
a.reshape((4, 6))
a.view(2, 12)
a.view(-1, 4)
a.flip(0)
a.flip(dims=[1, 2])
torch.flip(v, [0])
m.flip(-1)
a.chunk(2, dim=2)
m.chunk(3)
a.chunk(2, dim=2)[1]
m.chunk(2, dim=1)[0] @ n[:2]
x.chunk(4, dim=1)[3]
torch.chunk(v, 2)
a.permute(2, 0, 1)
a.unsqueeze(0).shape
m.unsqueeze(-1)
col.squeeze()
col.squeeze(1)
row.squeeze(1)
a.flatten()
a.flatten(1)
a.shape
a.shape[0]
a.shape[-1]
m.size()
m.size(1)
a.ndim
a.dim()
a.numel()
m[0, 0].item()
# creation
zeros(2, 3)
torch.zeros(2, 3)
zeros((2, 3))
ones(3)
torch.ones(2, 1, 2)
full((2, 2), 0.5)
eye(3)
torch.eye(2, 3)
arange(5)
arange(2, 8)
arange(0, 1, 0.25)
torch.arange(5.0)
zeros_like(m)
ones_like(v)
tensor([1.0, 2.0])
torch.tensor([[1.0, 2], [3, 4]]) @ torch.tensor([[1.0], [1.0]])
# cat, stack, allclose, linear
cat([m, m], dim=0)
cat([m, pos], dim=1)
torch.cat([a, a], dim=-1)
torch.cat((v, v))
stack([m, pos])
stack([m, pos], dim=1)
torch.stack([v, v, v], dim=-1)
allclose(m, m)
allclose(m, m + 1e-3)
torch.allclose(m @ eye(4), m)
m.allclose(m)
F.linear(x, W)
F.linear(x, W, bias)
F.linear(x[0], W, bias)
torch.equal(m, m)
cat(m.chunk(4, dim=1), dim=1)
stack(a.chunk(2, dim=0)).shape
# errors
m @ x
v @ u
m @ u
u @ n
a @ a
a @ zeros(5, 6)
zeros(2, 3, 4) @ zeros(3, 4, 5)
m + zeros(3, 3)
a + zeros(5, 4)
s5[5]
m[:, 9]
m[-4]
m[0, 0, 0]
v[[0, 7]]
a[0, 9]
a[..., 9]
a[None, 0, 5]
a[:, [0, 3]]
m.reshape(5, 5)
m.view(5, -1)
m.reshape(-1, -1)
m.view(-2, 4)
m.chunk(2, dim=2)
m.sum(dim=3)
m.transpose(0, 2)
m.transpose(-3, 0)
cat([m, n], dim=0)
cat([m, v])
stack([m, n])
F.linear(x, zeros(64, 3))
F.linear(x, W, zeros(5))
a.t()
m.flip(2)
eye(-1)
zeros(-1)
arange(0, 5, 0)
allclose(m, v)
m.argmax(dim=5)
m.max(dim=2)
m.norm(dim=3)
m.chunk(0)
m.sum(dim=(0, 0))
m.flip(0, 0)
m.permute(0)
m.unsqueeze(4)
m.squeeze(3)
m[::0]
v[1.5]
cat([])
stack([])
m ** zeros(2)
a.mean(dim=(0, 5))
"""

def expressions():
    for line in CASES.strip().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line

KEEP_LISTS = {"cat", "stack", "reshape", "view", "flip", "permute", "zeros", "ones", "full", "tensor", "chunk"}

class Literals(ast.NodeTransformer):
    """[...] used as a value becomes torch.tensor([...])."""
    def wrap(self, node):
        if isinstance(node, ast.List):
            return ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), "tensor", ast.Load()), [node], [])
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        node.left, node.right = self.wrap(node.left), self.wrap(node.right)
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        node.operand = self.wrap(node.operand)
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        node.left = self.wrap(node.left)
        node.comparators = [self.wrap(c) for c in node.comparators]
        return node

TENSOR_FUNCS = {"sigmoid", "tanh", "exp", "log", "sqrt", "abs", "relu", "maximum", "minimum", "add", "mul", "sub", "div"}

class Numbers(ast.NodeTransformer):
    """A number given to a tensor function is a 0-d tensor in the lab (torch.tanh(0.3) is tanh of tensor(0.3))."""
    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in TENSOR_FUNCS:
            node.args = [self.wrap(a) for a in node.args]
        return node

    def wrap(self, a):
        c = a.operand if isinstance(a, ast.UnaryOp) and isinstance(a.operand, ast.Constant) else a
        if isinstance(c, ast.Constant) and isinstance(c.value, (int, float)):
            return ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), "tensor", ast.Load()), [a], [])
        return a

def py(expr):
    tree = ast.parse(expr, mode="eval")
    tree = Numbers().visit(Literals().visit(tree))
    if isinstance(tree.body, ast.List):
        tree.body = Literals().wrap(tree.body)
    ast.fix_missing_locations(tree)
    return compile(tree, "<expr>", "eval")

def namespace():
    ns = dict(T)
    ns.update(torch=torch, F=F)
    for name in ["sigmoid", "tanh", "exp", "log", "sqrt", "abs", "relu", "softmax", "maximum", "minimum", "zeros",
                 "ones", "full", "eye", "arange", "zeros_like", "ones_like", "tensor", "cat", "stack", "allclose"]:
        ns[name] = getattr(torch, name)
    return ns

def encode(r):
    if isinstance(r, torch.Size):
        return {"kind": "size", "dims": list(r)}
    if isinstance(r, tuple):
        return {"kind": "tuple", "items": [encode(x) for x in r]}
    if isinstance(r, (bool, int, float)):
        r = torch.tensor(float(r))
    t = r.detach().to(torch.float64)
    return {"kind": "tensor", "shape": list(t.shape), "data": [float("%.9g" % x) for x in t.flatten().tolist()]}

def main():
    cases = []
    for e in expressions():
        try:
            cases.append({"expr": e, **encode(eval(py(e), namespace()))})
        except Exception as err:
            cases.append({"expr": e, "kind": "error", "type": type(err).__name__, "error": str(err).split("\n")[0]})
    tensors = {k: {"shape": list(v.shape), "data": [float(x) for x in v.flatten().tolist()]} for k, v in T.items()}
    out = {"torch": torch.__version__, "tensors": tensors, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", "torch_table.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    errors = sum(1 for c in cases if c["kind"] == "error")
    print(f"{len(cases)} expressions ({errors} errors) -> {path}")

if __name__ == "__main__":
    main()
