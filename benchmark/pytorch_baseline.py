#!/usr/bin/env python3
"""The Python side of the speed comparison: fashion-ml's three networks in PyTorch, on the same data and CPU.

Not part of the build. It mirrors fashion-ml's networks layer for layer (see NetworkFactory and Architectures)
and prints training images per second the way TrainingBenchmark does (the best epoch, over all 60,000
images, batches carved from a tensor shuffled once per epoch), so the two can run side by side:

    apt-get install python3-torch libopenblas0-pthread   # Debian 12: PyTorch 1.13 with oneDNN; OpenBLAS for the
                                                         # dense layers (Debian's default BLAS is the reference one)
    python3 benchmark/pytorch_baseline.py --epochs 2 --threads 1,2 cnn dnn cnn-deep cnn-deep:valid

A model name may carry ":valid" or ":same" to change the convolutions' padding, as TrainingBenchmark's --padding.
"""
import argparse
import gzip
import os
import struct
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"

# name: (filters, padding, conv dropout, dense units, dense dropout, batch), as fashion-ml's defaults.
MODELS = {
    "cnn": ([32], "valid", 0.0, [128], 0.0, 128),
    "dnn": ([], "valid", 0.0, [512, 256], 0.2, 512),
    "cnn-deep": ([32, 64], "same", 0.2, [128], 0.2, 128),
}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).reshape(count, rows, cols)
    return torch.frombuffer(bytearray(data[8:]), dtype=torch.uint8).long()


class Network(nn.Module):
    def __init__(self, filters, padding, conv_dropout, dense, dense_dropout):
        super().__init__()
        self.convs = nn.ModuleList()
        channels, size = 1, 28
        for f in filters:
            self.convs.append(nn.Conv2d(channels, f, 3, padding=1 if padding == "same" else 0))
            channels, size = f, ((size if padding == "same" else size - 2) // 2)
        self.conv_dropout = nn.Dropout(conv_dropout) if filters and conv_dropout > 0 else nn.Identity()
        self.denses = nn.ModuleList()
        inputs = channels * size * size if filters else 784
        for units in dense:
            self.denses.append(nn.Linear(inputs, units))
            inputs = units
        self.dense_dropout = nn.Dropout(dense_dropout) if dense_dropout > 0 else nn.Identity()
        self.out = nn.Linear(inputs, 10)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        for conv in self.convs:
            x = F.relu(F.max_pool2d(conv(x), 2))
        x = self.conv_dropout(x)
        x = torch.flatten(x, 1)
        for dense in self.denses:
            x = self.dense_dropout(F.relu(dense(x)))
        return self.out(x)


def run(name, threads, epochs, channels_last, train_x, train_y, test_x, test_y):
    architecture, _, padding = name.partition(":")
    filters, default_padding, conv_dropout, dense, dense_dropout, batch = MODELS[architecture]
    torch.set_num_threads(threads)
    torch.manual_seed(20170825)
    net = Network(filters, padding or default_padding, conv_dropout, dense, dense_dropout)
    convolutional = bool(filters)
    x = train_x.reshape(-1, 1, 28, 28) if convolutional else train_x.reshape(-1, 784)
    tx = test_x.reshape(-1, 1, 28, 28) if convolutional else test_x.reshape(-1, 784)
    memory_format = torch.channels_last if channels_last and convolutional else torch.contiguous_format
    net = net.to(memory_format=memory_format)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    best = 0.0
    for epoch in range(epochs):
        order = torch.randperm(len(x))
        xs, ys = x[order].contiguous(memory_format=memory_format), train_y[order]
        net.train()
        start = time.perf_counter()
        for i in range(0, len(xs), batch):
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(net(xs[i:i + batch]), ys[i:i + batch])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        best = max(best, len(xs) / seconds)
    net.eval()
    with torch.no_grad():
        start = time.perf_counter()
        correct = sum((net(tx[i:i + 1000].contiguous(memory_format=memory_format)).argmax(1) == test_y[i:i + 1000])
                      .sum().item() for i in range(0, len(tx), 1000))
        eval_seconds = time.perf_counter() - start
    layout = "NHWC" if memory_format == torch.channels_last else ("NCHW" if convolutional else "-")
    print(f"| {name} | {batch} | {threads} | {layout} | {best:,.0f} | {len(xs) / best:.1f} | {eval_seconds:.2f} "
          f"| {correct / len(tx):.4f} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", default=["cnn", "dnn", "cnn-deep"])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", default=f"1,{os.cpu_count()}", help="thread counts, comma-separated")
    parser.add_argument("--layout", choices=["nchw", "nhwc", "both"], default="both")
    parser.add_argument("--data", default=DATA)
    args = parser.parse_args()

    train_x = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).float() / 255
    train_y = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz"))
    test_x = read_idx(os.path.join(args.data, "t10k-images-idx3-ubyte.gz")).float() / 255
    test_y = read_idx(os.path.join(args.data, "t10k-labels-idx1-ubyte.gz"))
    print(f"PyTorch {torch.__version__}, {os.cpu_count()} CPUs, {args.epochs} epochs, best epoch")
    print("| model | batch | threads | layout | training images/s | s/epoch | evaluation s (10,000) "
          "| test acc. |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    layouts = {"nchw": [False], "nhwc": [True], "both": [False, True]}[args.layout]
    for name in args.models:
        for threads in [int(t) for t in args.threads.split(",")]:
            for channels_last in (layouts if MODELS[name.partition(":")[0]][0] else [False]):
                run(name, threads, args.epochs, channels_last, train_x, train_y, test_x, test_y)


if __name__ == "__main__":
    main()
