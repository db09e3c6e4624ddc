"""Makes the TensorFiles test fixtures with the real numpy / safetensors / torch.

Run from this folder:  python3 make_fixtures.py
Made with numpy 2.4.6, safetensors 0.8.0, torch 2.13.0+cpu. The expected values in
the Swift tests are written out below each file; keep them in step.
"""
import numpy as np
from numpy.lib import format as npf

def save(name, array, version=None):
    with open(name, "wb") as f:
        npf.write_array(f, array, version=version, allow_pickle=True)

# C-order float32, versions 1.0, 2.0, 3.0: [[-0.5, -0.25, 0], [0.25, 0.5, 0.75]]
a = (np.arange(6, dtype=np.float32).reshape(2, 3) * 0.25 - 0.5)
save("f4_v1.npy", a, (1, 0))
save("f4_v2.npy", a, (2, 0))
save("f4_v3.npy", a, (3, 0))
# float64 [3]: 1/3, -1e-3, 12345.678 (rounded to float32 on load)
save("f8.npy", np.array([1 / 3, -1e-3, 12345.678], dtype="<f8"))
# float16 [2, 2]: 0.5, -2, 65504 (largest half), 2**-24 (smallest subnormal)
save("f2.npy", np.array([[0.5, -2], [65504, 2**-24]], dtype="<f2"))
# big-endian float32 and float64 [2, 2]: 1, -2.5, 3.25, 1e-3
save("f4_big.npy", np.array([[1, -2.5], [3.25, 1e-3]], dtype=">f4"))
save("f8_big.npy", np.array([[1, -2.5], [3.25, 1e-3]], dtype=">f8"))
# Fortran order [2, 3, 2]: element [i, j, k] = 100 i + 10 j + k
f = np.asfortranarray(np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 2), dtype=np.float32))
assert f.flags.f_contiguous and not f.flags.c_contiguous
save("f4_fortran.npy", f)
# rank 0: 1.5
save("f4_scalar.npy", np.array(1.5, dtype=np.float32))
# empty [0, 3]
save("f4_empty.npy", np.zeros((0, 3), dtype=np.float32))
# refused: int64, bool, object (a pickle), nan at [0, 2, 3], inf in float64 at [1]
save("i8.npy", np.array([1, 2, 3], dtype="<i8"))
save("b1.npy", np.array([True, False]))
save("object.npy", np.array([1, "a"], dtype=object))
n = np.zeros((1, 3, 4), dtype=np.float32); n[0, 2, 3] = np.nan
save("nan.npy", n)
save("f8_inf.npy", np.array([0.0, -np.inf], dtype="<f8"))

# safetensors with the four float dtypes, written by the real package.
import torch
from safetensors.torch import save_file
save_file({
    "f32": torch.tensor([[1.0, -2.0, 0.125], [3.5, 0.0, -0.75]], dtype=torch.float32),  # [2, 3]
    "f64": torch.tensor([1 / 3, -1e-3], dtype=torch.float64),                            # [2]
    "f16": torch.tensor([0.5, -2.0, 65504.0, 2**-24], dtype=torch.float16),             # [4]
    "bf16": torch.tensor([[1.5], [-3.0], [3.140625]], dtype=torch.bfloat16),            # [3, 1]
}, "dtypes.safetensors", metadata={"format": "pt", "note": "TensorFiles fixture"})

# F32 written by safetensors.numpy: TensorFiles' encoder must produce exactly these bytes.
from safetensors.numpy import save_file as save_numpy
save_numpy({"b": np.array([[1, 2], [3, 4]], dtype=np.float32), "a": np.array([0.5, -1, 2], dtype=np.float32)},
           "f32_pair.safetensors", metadata={"format": "np"})

# A real single-layer bidirectional nn.LSTM state_dict, D = 3, H = 2.
torch.manual_seed(0)
lstm = torch.nn.LSTM(input_size=3, hidden_size=2, bidirectional=True)
save_file({k: v.contiguous() for k, v in lstm.state_dict().items()}, "bilstm_d3_h2.safetensors")
sd = lstm.state_dict()
print("BEGIN GENERATED (bilstm_d3_h2.safetensors)")
for k in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "bias_hh_l0_reverse"]:
    print(k, list(sd[k].shape), repr(sd[k].flatten()[0].item()), repr(sd[k].flatten()[-1].item()))
print("END GENERATED")
