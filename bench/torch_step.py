"""PyTorch CPU baseline for the training-step benchmarks.

Called by the `train_step` and `lm_step` benchmarks (`--torch PYTHON`) so the
ratio ours / PyTorch is measured in the same run, on the same machine state:

    torch_step.py mlp DIM HIDDEN CLASSES BATCH THREADS STEPS   (HIDDEN like 64,64)
    torch_step.py lm DIM HEADS LAYERS SEQ VOCAB BATCH THREADS STEPS

Builds the same model as the Rust side (MLP with ReLU and SGD-momentum; a
pre-norm GPT with fused qkv, causal attention, tanh GELU, AdamW), trains it
on random batches of the same shape and prints milliseconds per step.
"""

import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(dim, eps=1e-5), nn.LayerNorm(dim, eps=1e-5)
        self.qkv, self.proj = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)
        self.fc1, self.fc2 = nn.Linear(dim, 4 * dim), nn.Linear(4 * dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        shape = lambda z: z.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        att = F.scaled_dot_product_attention(shape(q), shape(k), shape(v), is_causal=True)
        x = x + self.proj(att.transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, dim, heads, layers, seq, vocab):
        super().__init__()
        self.tok, self.pos = nn.Embedding(vocab, dim), nn.Embedding(seq, dim)
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(layers))
        self.ln_f, self.head = nn.LayerNorm(dim, eps=1e-5), nn.Linear(dim, vocab)

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1]))
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.ln_f(x))


def time_steps(step, steps):
    for _ in range(2):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) * 1e3 / steps


def main(argv):
    torch.manual_seed(0)
    kind = argv[0]
    if kind == "mlp":
        dim, hidden, classes, batch, threads, steps = argv[1:]
        torch.set_num_threads(int(threads))
        widths = [int(dim)] + [int(h) for h in hidden.split(",")] + [int(classes)]
        layers = []
        for i in range(len(widths) - 1):
            layers.append(nn.Linear(widths[i], widths[i + 1]))
            if i + 2 < len(widths):
                layers.append(nn.ReLU())
        model = nn.Sequential(*layers)
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        x, y = torch.randn(int(batch), int(dim)), torch.randint(0, int(classes), (int(batch),))
    elif kind == "lm":
        dim, heads, layers, seq, vocab, batch, threads, steps = (int(a) for a in argv[1:])
        torch.set_num_threads(threads)
        model = Gpt(dim, heads, layers, seq, vocab)
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        x, y = torch.randint(0, vocab, (batch, seq)), torch.randint(0, vocab, (batch, seq))
    else:
        raise SystemExit(f"unknown model kind {kind!r}")

    def step():
        opt.zero_grad(set_to_none=True)
        logits = model(x)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        loss.backward()
        opt.step()

    print(f"{time_steps(step, int(steps)):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
