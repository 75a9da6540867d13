"""Trains Skyshare's built-in fire/smoke classifier from scratch and exports it as ONNX.

    nice -n 10 /usr/bin/python3 training/train_fire_smoke.py --datasets ../shared/datasets \
        --out vision/src/main/resources/org/skyshare/vision/models/fire-smoke.onnx

Training data: fire-smoke/roboflow-fire8 (CC BY 4.0) and fire-smoke/cair-fire (MIT) only, minus the
held-out groups (skydata.held_out). The exported graph takes RGB in [0, 1], NCHW, 128x128 (box-resized whole
frame) and returns sigmoid scores [fire, smoke].
"""
import argparse
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import skydata

SIZE = 128
SEED = 20240611


def conv(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class FireSmokeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            conv(3, 16, 2),                      # 64
            conv(16, 32), nn.MaxPool2d(2),       # 32
            conv(32, 64), nn.MaxPool2d(2),       # 16
            conv(64, 96), nn.MaxPool2d(2),       # 8
            conv(96, 128))
        self.dropout = nn.Dropout(0.2)
        self.head = nn.Linear(256, 2)
        self.register_buffer("mean", torch.tensor([0.45, 0.42, 0.40]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.25, 0.25, 0.25]).view(1, 3, 1, 1))

    def forward(self, x):
        f = self.features((x - self.mean) / self.std)
        # max pooling keeps a small flame in a large frame from being averaged away
        pooled = torch.cat([f.mean(dim=(2, 3)), f.amax(dim=(2, 3))], dim=1)
        return self.head(self.dropout(pooled))


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return torch.sigmoid(self.net(image))


def load(items):
    # rounded to bytes exactly as the Java side does (BoxResize.toRgbBytes)
    x = np.stack([np.floor(skydata.box_resize(skydata.load_rgb(p), SIZE, SIZE) + 0.5) for p, _, _, _ in items])
    x = x.astype(np.uint8)
    y = np.array([[f, s] for _, f, s, _ in items], dtype=np.float32)
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(y)


def augment(batch, gen):
    n = batch.shape[0]
    x = batch.float() / 255.0
    flip = torch.rand(n, generator=gen) < 0.5
    x[flip] = x[flip].flip(3)
    padded = F.pad(x, (12, 12, 12, 12), mode="reflect")
    out = torch.empty_like(x)
    offs = torch.randint(0, 25, (n, 2), generator=gen)
    for i in range(n):
        oy, ox = int(offs[i, 0]), int(offs[i, 1])
        out[i] = padded[i, :, oy:oy + SIZE, ox:ox + SIZE]
    gain = 0.75 + 0.5 * torch.rand(n, 1, 1, 1, generator=gen)
    bias = 0.1 * (torch.rand(n, 1, 1, 1, generator=gen) - 0.5)
    sat = 0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen)
    grey = out.mean(dim=1, keepdim=True)
    out = grey + (out - grey) * sat
    return (out * gain + bias).clamp(0, 1)


def masked_bce(logits, target):
    known = ~torch.isnan(target)
    return F.binary_cross_entropy_with_logits(logits[known], target[known])


def evaluate(net, x, y, name):
    net.eval()
    with torch.no_grad():
        scores = torch.cat([torch.sigmoid(net(x[i:i + 64].float() / 255.0)) for i in range(0, len(x), 64)])
    hazard_pred = scores.max(dim=1).values >= 0.5
    truth = torch.nan_to_num(y, nan=0.0).max(dim=1).values >= 0.5
    tp = int((hazard_pred & truth).sum()); fp = int((hazard_pred & ~truth).sum())
    fn = int((~hazard_pred & truth).sum()); tn = int((~hazard_pred & ~truth).sum())
    prec = tp / max(tp + fp, 1); rec = tp / max(tp + fn, 1); acc = (tp + tn) / max(len(y), 1)
    print("held-out %-14s n=%4d tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f accuracy=%.3f"
          % (name, len(y), tp, fp, fn, tn, prec, rec, acc))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", default=os.path.join("..", "shared", "datasets"))
    ap.add_argument("--out", default=os.path.join("vision", "src", "main", "resources", "org", "skyshare", "vision",
                                                  "models", "fire-smoke.onnx"))
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    robo = skydata.roboflow_items(args.datasets)
    cair = skydata.cair_items(args.datasets)
    train = [it for it in robo + cair if not skydata.held_out(it[3])]
    t0 = time.time()
    x, y = load(train)
    held = {name: load([it for it in items if skydata.held_out(it[3])])
            for name, items in (("roboflow-fire8", robo), ("cair-fire", cair))}
    print("train %d images (%d fire, %d smoke), loaded in %.0fs" % (len(y), int(torch.nan_to_num(y[:, 0]).sum()),
                                                                     int(torch.nan_to_num(y[:, 1]).sum()),
                                                                     time.time() - t0))

    net = FireSmokeNet()
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-3)
    steps_per_epoch = math.ceil(len(y) / 32)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.epochs * steps_per_epoch)
    gen = torch.Generator().manual_seed(SEED)
    for epoch in range(args.epochs):
        net.train()
        order = torch.randperm(len(y), generator=gen)
        total = 0.0
        t0 = time.time()
        for b in range(0, len(y), 32):
            idx = order[b:b + 32]
            loss = masked_bce(net(augment(x[idx], gen)), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print("epoch %2d loss %.4f (%.0fs)" % (epoch + 1, total / len(y), time.time() - t0), flush=True)

    for name, (hx, hy) in held.items():
        evaluate(net, hx, hy, name)

    net.eval()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    torch.onnx.export(Exported(net), torch.zeros(1, 3, SIZE, SIZE), tmp, input_names=["image"],
                      output_names=["scores"], dynamic_axes={"image": {0: "batch"}, "scores": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    os.replace(tmp, args.out)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
