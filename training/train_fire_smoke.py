"""Trains Skyshare's built-in fire/smoke classifier from scratch and exports it as ONNX.

    nice -n 10 /usr/bin/python3 training/train_fire_smoke.py --datasets ../shared/datasets \
        --out vision/src/main/resources/org/skyshare/vision/models/fire-smoke.onnx

Training data: fire-smoke/roboflow-fire8 (CC BY 4.0) and fire-smoke/cair-fire (MIT) only, minus the
held-out groups (skydata.held_out). The exported graph takes RGB in [0, 1], NCHW, 192x192 (box-resized whole
frame) and returns sigmoid scores [fire, smoke] ("scores") and, per class, a 12x12 grid of cell scores
over the whole frame ("cells": where the fire and the smoke are).

Besides the frame's labels, the roboflow boxes teach the network where the fire and smoke are: a second
head scores every cell of the last feature map (12x12) against the boxes. Only ~1,300 frames are
available; the image label alone let the network learn the scene (CCTV overlays, night streets)
instead of the flame, while the cell targets tie the features to the flame and smoke pixels. The cell
scores are exported too: the detector draws its fire and smoke boxes from them.
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

SIZE = 192
MAX_BOXES = 4
CELL_LOSS_WEIGHT = 1.0
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
        self.cells = nn.Conv2d(128, 2, 1)
        self.register_buffer("mean", torch.tensor([0.45, 0.42, 0.40]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.25, 0.25, 0.25]).view(1, 3, 1, 1))

    def forward(self, x, with_cells=False):
        f = self.features((x - self.mean) / self.std)
        # max pooling keeps a small flame in a large frame from being averaged away
        pooled = torch.cat([f.mean(dim=(2, 3)), f.amax(dim=(2, 3))], dim=1)
        frame = self.head(self.dropout(pooled))
        return (frame, self.cells(f)) if with_cells else frame


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        frame, cells = self.net(image, with_cells=True)
        # second output: where in the frame (12x12 cells over the whole frame) the fire and the smoke are
        return torch.sigmoid(frame), torch.sigmoid(cells)


def load(items):
    # rounded to bytes exactly as the Java side does (BoxResize.toRgbBytes)
    x = np.stack([np.floor(skydata.box_resize(skydata.load_rgb(p), SIZE, SIZE) + 0.5) for p, _, _, _ in items])
    x = x.astype(np.uint8)
    y = np.array([[f, s] for _, f, s, _ in items], dtype=np.float32)
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(y)


def load_boxes(items, has_boxes):
    """N x MAX_BOXES x 5 (class, cx, cy, w, h; class -1 = no box) and whether each frame has box labels at all."""
    boxes = torch.full((len(items), MAX_BOXES, 5), -1.0)
    for i, (path, _, _, _) in enumerate(items):
        if has_boxes[i]:
            for j, b in enumerate(skydata.roboflow_boxes(path)[:MAX_BOXES]):
                boxes[i, j] = torch.tensor(b)
    return boxes


def augment(batch, boxes, gen):
    """Flip, shift and colour jitter; the boxes follow the flip and the shift."""
    n = batch.shape[0]
    x = batch.float() / 255.0
    boxes = boxes.clone()
    flip = torch.rand(n, generator=gen) < 0.5
    x[flip] = x[flip].flip(3)
    boxes[flip, :, 1] = 1.0 - boxes[flip, :, 1]
    pad = SIZE // 10
    padded = F.pad(x, (pad, pad, pad, pad), mode="reflect")
    out = torch.empty_like(x)
    offs = torch.randint(0, 2 * pad + 1, (n, 2), generator=gen)
    for i in range(n):
        oy, ox = int(offs[i, 0]), int(offs[i, 1])
        out[i] = padded[i, :, oy:oy + SIZE, ox:ox + SIZE]
    boxes[:, :, 1] += (pad - offs[:, 1:2].float()) / SIZE
    boxes[:, :, 2] += (pad - offs[:, 0:1].float()) / SIZE
    gain = 0.75 + 0.5 * torch.rand(n, 1, 1, 1, generator=gen)
    bias = 0.1 * (torch.rand(n, 1, 1, 1, generator=gen) - 0.5)
    sat = 0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen)
    grey = out.mean(dim=1, keepdim=True)
    out = grey + (out - grey) * sat
    return (out * gain + bias).clamp(0, 1), boxes


def cell_targets(boxes, grid):
    """Per class, the cells whose centre lies in one of the boxes; a box between centres marks the cell of its own centre."""
    centres = (torch.arange(grid, dtype=torch.float32) + 0.5) / grid
    index = torch.arange(grid)
    target = torch.zeros(boxes.shape[0], 2, grid, grid)
    for i in range(boxes.shape[0]):
        for cls, bx, by, bw, bh in boxes[i].tolist():
            if cls < 0:
                continue
            in_x = (centres >= bx - bw / 2) & (centres <= bx + bw / 2)
            in_y = (centres >= by - bh / 2) & (centres <= by + bh / 2)
            if not in_x.any():
                in_x = index == int(min(max(bx, 0.0), 0.999) * grid)
            if not in_y.any():
                in_y = index == int(min(max(by, 0.0), 0.999) * grid)
            cell = (in_y[:, None] & in_x[None, :]).float()
            target[i, int(cls)] = torch.maximum(target[i, int(cls)], cell)
    return target


def masked_bce(logits, target):
    known = ~torch.isnan(target)
    return F.binary_cross_entropy_with_logits(logits[known], target[known])


def pointing(scores, cells, boxes):
    """Of the frames called a hazard that have labelled boxes: how many have the strongest cell of the
    stronger class inside one of the boxes (where the detector would put its box)."""
    hit = total = 0
    grid = cells.shape[-1]
    for i in range(len(scores)):
        labelled = [b for b in boxes[i].tolist() if b[0] >= 0]
        if not labelled or float(scores[i].max()) < 0.5:
            continue
        cls = int(scores[i].argmax())
        r, c = divmod(int(cells[i, cls].argmax()), grid)
        cx, cy = (c + 0.5) / grid, (r + 0.5) / grid
        total += 1
        hit += any(abs(cx - bx) <= bw / 2 + 0.5 / grid and abs(cy - by) <= bh / 2 + 0.5 / grid
                   for _, bx, by, bw, bh in labelled)
    return hit, total


def evaluate(net, x, y, groups, name, boxes=None):
    """Prints and returns [tp, fp, fn, tn] of "fire or smoke" per frame, and the share right per group."""
    net.eval()
    with torch.no_grad():
        outs = [net(x[i:i + 64].float() / 255.0, with_cells=True) for i in range(0, len(x), 64)]
        scores = torch.sigmoid(torch.cat([o[0] for o in outs]))
        cells = torch.sigmoid(torch.cat([o[1] for o in outs]))
    hazard_pred = scores.max(dim=1).values >= 0.5
    truth = torch.nan_to_num(y, nan=0.0).max(dim=1).values >= 0.5
    tp = int((hazard_pred & truth).sum()); fp = int((hazard_pred & ~truth).sum())
    fn = int((~hazard_pred & truth).sum()); tn = int((~hazard_pred & ~truth).sum())
    prec = tp / max(tp + fp, 1); rec = tp / max(tp + fn, 1); acc = (tp + tn) / max(len(y), 1)
    print("held-out %-14s n=%4d tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f accuracy=%.3f"
          % (name, len(y), tp, fp, fn, tn, prec, rec, acc))
    right = {}
    for g, ok in zip(groups, (hazard_pred == truth).tolist()):
        right.setdefault(g, [0, 0])
        right[g][0] += int(ok)
        right[g][1] += 1
    if len(right) <= 12:
        print("    right per group: " + ", ".join("%s %d/%d" % (g, a, n) for g, (a, n) in sorted(right.items())))
    if boxes is not None:
        hit, total = pointing(scores, cells, boxes)
        if total:
            print("    strongest cell inside a labelled box (within half a cell): %d of %d hazard frames" % (hit, total))
    return [tp, fp, fn, tn]


def train(robo, cair, fold, epochs):
    """Trains on every group outside the fold and evaluates the fold; returns the net and the counts per dataset."""
    random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
    robo_paths = {it[0] for it in robo}
    train_items = [it for it in robo + cair if not skydata.held_out(it[3], fold)]
    t0 = time.time()
    x, y = load(train_items)
    # cair photos have no boxes: they teach the frame head only
    has_boxes = torch.tensor([it[0] in robo_paths for it in train_items])
    boxes = load_boxes(train_items, has_boxes)
    held = {name: [it for it in items if skydata.held_out(it[3], fold)]
            for name, items in (("roboflow-fire8", robo), ("cair-fire", cair))}
    print("fold %d: train %d images (%d fire, %d smoke), loaded in %.0fs"
          % (fold, len(y), int(torch.nan_to_num(y[:, 0]).sum()), int(torch.nan_to_num(y[:, 1]).sum()),
             time.time() - t0))

    net = FireSmokeNet()
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-3)
    steps_per_epoch = math.ceil(len(y) / 32)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=epochs * steps_per_epoch)
    gen = torch.Generator().manual_seed(SEED)
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(y), generator=gen)
        total = 0.0
        t0 = time.time()
        for b in range(0, len(y), 32):
            idx = order[b:b + 32]
            images, moved = augment(x[idx], boxes[idx], gen)
            frame, cells = net(images, with_cells=True)
            loss = masked_bce(frame, y[idx])
            boxed = has_boxes[idx]
            if boxed.any():
                target = cell_targets(moved[boxed], cells.shape[-1])
                loss = loss + CELL_LOSS_WEIGHT * F.binary_cross_entropy_with_logits(cells[boxed], target)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print("epoch %2d loss %.4f (%.0fs)" % (epoch + 1, total / len(y), time.time() - t0), flush=True)

    counts = {}
    for name, items in held.items():
        hx, hy = load(items)
        labelled = torch.tensor([it[0] in robo_paths for it in items])
        counts[name] = evaluate(net, hx, hy, [it[3] for it in items], name, load_boxes(items, labelled))
    return net, counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", default=os.path.join("..", "shared", "datasets"))
    ap.add_argument("--out", default=os.path.join("vision", "src", "main", "resources", "org", "skyshare", "vision",
                                                  "models", "fire-smoke.onnx"))
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cross-validate", action="store_true",
                    help="train five times, each time without one fifth of the groups, score that fifth; "
                         "writes no model")
    ap.add_argument("--folds", default="0,1,2,3,4", help="with --cross-validate: which folds")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    robo = skydata.roboflow_items(args.datasets)
    cair = skydata.cair_items(args.datasets)

    if args.cross_validate:
        pooled = {}
        for fold in [int(f) for f in args.folds.split(",")]:
            _, counts = train(robo, cair, fold, args.epochs)
            for name, c in counts.items():
                pooled[name] = [a + b for a, b in zip(pooled.get(name, [0, 0, 0, 0]), c)]
        for name, (tp, fp, fn, tn) in pooled.items():
            print("cross-validated %-14s n=%4d tp=%d fp=%d fn=%d tn=%d precision=%.3f recall=%.3f accuracy=%.3f"
                  % (name, tp + fp + fn + tn, tp, fp, fn, tn, tp / max(tp + fp, 1), tp / max(tp + fn, 1),
                     (tp + tn) / max(tp + fp + fn + tn, 1)))
        return

    # fold 0 is the held-out split that `skyshare evaluate fire` scores
    net, _ = train(robo, cair, 0, args.epochs)
    net.eval()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    torch.onnx.export(Exported(net), torch.zeros(1, 3, SIZE, SIZE), tmp, input_names=["image"],
                      output_names=["scores", "cells"],
                      dynamic_axes={"image": {0: "batch"}, "scores": {0: "batch"}, "cells": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    os.replace(tmp, args.out)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
