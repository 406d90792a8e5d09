#!/usr/bin/env python3
"""The Python side of the speed comparison: fashion-ml's three networks in PyTorch, on the same data and CPU.

Not part of the build. It mirrors fashion-ml's networks layer for layer (see NetworkFactory and Architectures)
and TrainingBenchmark's recipe options, and prints training images per second the way TrainingBenchmark does
(the best epoch, batches carved from a tensor shuffled once per epoch), so the two can run side by side:

    apt-get install python3-torch libopenblas0-pthread   # Debian 12: PyTorch 1.13 with oneDNN; OpenBLAS for the
                                                         # dense layers (Debian's default BLAS is the reference one)
    python3 benchmark/pytorch_baseline.py --epochs 2 --threads 1,2 cnn dnn cnn-deep cnn-deep:valid
    python3 benchmark/pytorch_baseline.py --threads 1 --layout nhwc --schedule cosine --lr 2e-3 --epochs 6 \\
        --target 0.91 --history cnn

A model name may carry ":valid" or ":same" to change the convolutions' padding, as TrainingBenchmark's --padding.

The test set (t10k) is never read. --train N keeps the first N training images (default all 60,000), and
--validation N (default a tenth of those) of them are held out, stratified by class (each class keeps its share,
by largest remainder, so the shares add up to N) and chosen with a NumPy generator seeded by --seed; the network
never trains on them and is judged on them after every epoch (dropout off). The split has the same size and is
made the same way as TrainingBenchmark's, but it is NOT the same set of images: the Java side draws from its own
random generator (and a seed derived from --seed). --seed also seeds PyTorch (weights, shuffles).

The recipe, as TrainingBenchmark's: --lr X (Adam's peak rate, default 1e-3), --batch N (default: the model's),
--schedule constant|cosine|onecycle, --warmup N (cosine: epochs of linear warm-up), --floor F (cosine: the last
rate, default 0; onecycle: the first rate, default 0.1; each a fraction of the peak). The rate is set at the start
of each epoch e = 1..E and held for the whole epoch:
    constant  the peak p
    cosine    e <= w: p*e/(w+1); then f*p + (p - f*p)*(1 + cos(pi*(e-1-w)/(E-w)))/2
    onecycle  ND4J's CycleSchedule per epoch: up from f*p to p and back in two equal halves
              (half = (E - round(0.1*E)) // 2), then 10x lower per epoch over the remaining epochs
--print-rates prints those rates and exits (to check against the Java side). --history prints each epoch's rate,
speed, training loss and accuracy (mean over the epoch's batches as trained, dropout on), validation loss and
accuracy and the cumulative training seconds. --target ACC prints, per model, the seconds of training (the
epochs' steps, not the validation passes) until the validation accuracy first reaches ACC.
"""
import argparse
import gzip
import math
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"
SEED = 20170825
CLASSES = 10

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


def java_round(x):
    """Java's Math.round: the nearest integer, halves rounded up."""
    return math.floor(x + 0.5)


def epoch_rates(schedule, peak, epochs, warmup=0, floor=None):
    """The learning rate of each epoch 1..epochs, as TrainingBenchmark's EpochRates computes it."""
    if schedule == "constant":
        return [peak] * epochs
    if schedule == "cosine":
        f = 0.0 if floor is None else floor
        rates = []
        for e in range(1, epochs + 1):
            if e <= warmup:
                rates.append(peak * e / (warmup + 1))
            else:
                rates.append(f * peak + (peak - f * peak) * (1 + math.cos(math.pi * (e - 1 - warmup)
                                                                          / (epochs - warmup))) / 2)
        return rates
    if schedule == "onecycle":
        f = 0.1 if floor is None else floor
        half = (epochs - java_round(0.1 * epochs)) // 2
        anneal = epochs - 2 * half
        init = f * peak
        inc = (peak - init) / half if half else 0.0
        rates = []
        for pos in range(epochs):
            if pos < half:
                rates.append(init + inc * pos)
            elif pos < 2 * half:
                rates.append(peak - inc * (pos - half))
            else:
                rates.append(init * 0.1 ** (anneal - (epochs - pos)))
        return rates
    raise ValueError(f"unknown schedule {schedule}")


def stratified_split(labels, size, seed):
    """(training, validation) index arrays, ascending: size images held out, each class keeping its share.

    Shares by largest remainder (ties to the lower class), as ValidationSplit does; the images within each class
    are drawn with numpy's default_rng(seed), so the set differs from the Java side's (same size, same method).
    """
    labels = np.asarray(labels)
    n = len(labels)
    if size < 0 or size >= n:
        raise SystemExit(f"--validation {size} does not fit {n} training images: use 0 to {n - 1}")
    members = [np.flatnonzero(labels == c) for c in range(CLASSES)]
    exact = [size * len(m) for m in members]
    quota = [e // n for e in exact]
    remainder = [e % n for e in exact]
    for _ in range(size - sum(quota)):
        best = max(range(CLASSES), key=lambda c: (remainder[c], -c))
        quota[best] += 1
        remainder[best] = -1
    rng = np.random.default_rng(seed)
    held = np.zeros(n, dtype=bool)
    for c in range(CLASSES):
        if len(members[c]) and quota[c] >= len(members[c]):
            raise SystemExit(f"--validation {size} holds out all {len(members[c])} training images of class {c}: "
                             "use a smaller --validation or a larger --train")
        held[rng.choice(members[c], size=quota[c], replace=False)] = True
    return np.flatnonzero(~held), np.flatnonzero(held)


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


def evaluate(net, x, y, memory_format):
    """(loss, accuracy, seconds) on held-out images: dropout off, no gradients."""
    if len(x) == 0:
        return None, None, 0.0
    net.eval()
    loss, correct = 0.0, 0
    start = time.perf_counter()
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            out = net(x[i:i + 1000].contiguous(memory_format=memory_format))
            loss += F.cross_entropy(out, y[i:i + 1000], reduction="sum").item()
            correct += (out.argmax(1) == y[i:i + 1000]).sum().item()
    return loss / len(x), correct / len(x), time.perf_counter() - start


def recipe_label(args):
    if args.schedule == "cosine":
        schedule = "cos" + (f"+w{args.warmup}" if args.warmup > 0 else "") + (f"/f{args.floor}" if args.floor else "")
    else:
        schedule = args.schedule
    return f"{schedule} {args.lr:.0e} e{args.epochs}"


def run(name, threads, channels_last, args, rates, train_x, train_y, val_x, val_y):
    """Trains one model; prints its table row (and --history lines) and returns its epochs' records."""
    architecture, _, padding = name.partition(":")
    filters, default_padding, conv_dropout, dense, dense_dropout, batch = MODELS[architecture]
    batch = args.batch or batch
    torch.set_num_threads(threads)
    torch.manual_seed(args.seed)
    net = Network(filters, padding or default_padding, conv_dropout, dense, dense_dropout)
    convolutional = bool(filters)
    x = train_x.reshape(-1, 1, 28, 28) if convolutional else train_x.reshape(-1, 784)
    vx = val_x.reshape(-1, 1, 28, 28) if convolutional else val_x.reshape(-1, 784)
    memory_format = torch.channels_last if channels_last and convolutional else torch.contiguous_format
    net = net.to(memory_format=memory_format)
    optimizer = torch.optim.Adam(net.parameters(), lr=rates[0])
    history = []
    for epoch, rate in enumerate(rates, 1):
        for group in optimizer.param_groups:
            group["lr"] = rate
        order = torch.randperm(len(x))
        xs, ys = x[order].contiguous(memory_format=memory_format), train_y[order]
        net.train()
        loss_sum = torch.zeros((), dtype=torch.float64)
        correct = torch.zeros((), dtype=torch.long)
        start = time.perf_counter()
        for i in range(0, len(xs), batch):
            optimizer.zero_grad(set_to_none=True)
            out = net(xs[i:i + batch])
            loss = F.cross_entropy(out, ys[i:i + batch])
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                loss_sum += loss.detach() * len(out)
                correct += (out.argmax(1) == ys[i:i + batch]).sum()
        seconds = time.perf_counter() - start
        val_loss, val_acc, val_seconds = evaluate(net, vx, val_y, memory_format)
        history.append(dict(epoch=epoch, rate=rate, seconds=seconds, images_per_second=len(xs) / seconds,
                            loss=loss_sum.item() / len(xs), acc=correct.item() / len(xs), val_loss=val_loss,
                            val_acc=val_acc, val_seconds=val_seconds))
    fastest = max(history, key=lambda h: h["images_per_second"])
    last = history[-1]
    layout = "NHWC" if memory_format == torch.channels_last else ("NCHW" if convolutional else "-")
    print(f"| {name} | {batch} | {threads} | {layout} | {recipe_label(args)} | {fastest['images_per_second']:,.0f} "
          f"| {fastest['seconds']:.1f} | {last['val_seconds']:.2f} | {fmt(last['val_acc'])} "
          f"| {sum(h['seconds'] for h in history):.1f} |", flush=True)
    if args.history:
        cumulative = 0.0
        for h in history:
            cumulative += h["seconds"]
            print(f"  epoch {h['epoch']:2d}: lr {h['rate']:.2e}  {h['images_per_second']:8,.0f} img/s  "
                  f"loss {h['loss']:.4f}  acc {h['acc']:.4f}  val loss {fmt(h['val_loss'])}  "
                  f"val acc {fmt(h['val_acc'])}  {cumulative:6.1f} s", flush=True)
    return history


def fmt(value):
    return "-" if value is None else f"{value:.4f}"


def time_to(label, target, history):
    """Seconds of training (the epochs' steps, not the validation passes) until the validation accuracy first
    reaches target, as TrainingBenchmark's timeTo."""
    seconds = with_validation = 0.0
    for h in history:
        seconds += h["seconds"]
        with_validation += h["seconds"] + h["val_seconds"]
        if h["val_acc"] is not None and h["val_acc"] >= target:
            return (f"{label}: validation accuracy {h['val_acc']:.4f} >= {target:.4f} after epoch {h['epoch']}: "
                    f"{seconds:.1f} s of training ({with_validation:.1f} s with validation)")
    return (f"{label}: validation accuracy never reached {target:.4f} in {len(history)} epochs "
            f"({seconds:.1f} s of training)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", default=["cnn", "dnn", "cnn-deep"])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", default=f"1,{os.cpu_count()}", help="thread counts, comma-separated")
    parser.add_argument("--layout", choices=["nchw", "nhwc", "both"], default="both")
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--train", type=int, default=None, help="use the first N training images (default all)")
    parser.add_argument("--validation", type=int, default=None,
                        help="training images held out for validation (default a tenth of those used)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"split, weights and shuffles (default {SEED})")
    parser.add_argument("--lr", type=float, default=1e-3, help="Adam's peak learning rate (default 1e-3)")
    parser.add_argument("--batch", type=int, default=None, help="batch size (default: the model's)")
    parser.add_argument("--schedule", choices=["constant", "cosine", "onecycle"], default="constant")
    parser.add_argument("--warmup", type=int, default=0, help="cosine: epochs of linear warm-up (default 0)")
    parser.add_argument("--floor", type=float, default=None,
                        help="cosine: last rate (default 0); onecycle: first rate (default 0.1); x peak")
    parser.add_argument("--target", type=float, default=None,
                        help="print the training seconds until the validation accuracy first reaches this")
    parser.add_argument("--history", action="store_true", help="print each epoch's figures")
    parser.add_argument("--print-rates", action="store_true", help="print each epoch's learning rate and exit")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    if args.warmup < 0 or (args.schedule == "cosine" and args.warmup >= args.epochs):
        parser.error("need 0 <= --warmup < --epochs")
    if args.batch is not None and args.batch < 1:
        parser.error("--batch must be at least 1")
    for name in args.models:
        architecture, _, padding = name.partition(":")
        if architecture not in MODELS or padding not in ("", "valid", "same"):
            parser.error(f"unknown model {name}: use {', '.join(MODELS)}, optionally with :valid or :same")
    rates = epoch_rates(args.schedule, args.lr, args.epochs, args.warmup, args.floor)
    if args.print_rates:
        for epoch, rate in enumerate(rates, 1):
            print(f"epoch {epoch:2d}: {rate:.10g}")
        return

    images = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz"))
    if args.train is not None:
        if not 0 < args.train <= len(labels):
            parser.error(f"--train must be from 1 to {len(labels)}")
        images, labels = images[:args.train], labels[:args.train]
    held_out = args.validation if args.validation is not None else len(labels) // 10
    training, validation = stratified_split(labels.numpy(), held_out, args.seed)
    training, validation = torch.from_numpy(training), torch.from_numpy(validation)
    train_x, train_y = images[training].float() / 255, labels[training]
    val_x, val_y = images[validation].float() / 255, labels[validation]

    print(f"PyTorch {torch.__version__}, {os.cpu_count()} CPUs, {args.epochs} epochs, best epoch; data: "
          f"{len(labels):,} training images, {held_out:,} of them held out for validation (seed {args.seed}; "
          "the test set is not read)")
    print(f"| model | batch | threads | layout | recipe | training images/s | s/epoch | validation s ({held_out:,}) "
          "| val acc. | training s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    layouts = {"nchw": [False], "nhwc": [True], "both": [False, True]}[args.layout]
    thread_counts = [int(t) for t in args.threads.split(",")]
    reached = []
    for name in args.models:
        configurations = [(threads, channels_last) for threads in thread_counts
                          for channels_last in (layouts if MODELS[name.partition(":")[0]][0] else [False])]
        for threads, channels_last in configurations:
            history = run(name, threads, channels_last, args, rates, train_x, train_y, val_x, val_y)
            label = name
            if len(configurations) > 1:
                layout = (", NHWC" if channels_last else ", NCHW") if MODELS[name.partition(":")[0]][0] else ""
                label = f"{name} ({threads} thread{'s' if threads > 1 else ''}{layout})"
            if args.target is not None:
                reached.append(time_to(label, args.target, history))
    for line in reached:
        print(line)


if __name__ == "__main__":
    main()
