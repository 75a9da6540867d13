"""Trains Skyshare's built-in water segmenter from scratch and exports it as ONNX.

    nice -n 10 /usr/bin/python3 training/train_water.py --datasets ../shared/datasets \
        --out vision/src/main/resources/org/skyshare/vision/models/water-seg.onnx

Data: water/river-seg minus the held-out blocks (skydata.water_group + skydata.held_out). The exported graph
takes RGB in [0, 1], NCHW, 128x128 (box-resized whole frame) and returns the water probability per pixel,
N x 1 x 128 x 128.
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
from PIL import Image

import skydata

SIZE = 128
SEED = 20240612


def block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class WaterNet(nn.Module):
    """A small U-Net: water is recognised by context (banks, reflections), so the bottleneck sees 1/16 scale."""

    def __init__(self, c=(8, 16, 32, 48)):
        super().__init__()
        self.e1, self.e2, self.e3, self.e4 = block(3, c[0]), block(c[0], c[1]), block(c[1], c[2]), block(c[2], c[3])
        self.d3, self.d2, self.d1 = block(c[3] + c[2], c[2]), block(c[2] + c[1], c[1]), block(c[1] + c[0], c[0])
        self.out = nn.Conv2d(c[0], 1, 1)
        self.register_buffer("mean", torch.tensor([0.45, 0.45, 0.45]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.25, 0.25, 0.25]).view(1, 3, 1, 1))

    def forward(self, x):
        x = (x - self.mean) / self.std
        e1 = self.e1(x)
        e2 = self.e2(F.max_pool2d(e1, 2))
        e3 = self.e3(F.max_pool2d(e2, 2))
        e4 = self.e4(F.max_pool2d(e3, 2))
        d3 = self.d3(torch.cat([F.interpolate(e4, scale_factor=2.0, mode="nearest"), e3], 1))
        d2 = self.d2(torch.cat([F.interpolate(d3, scale_factor=2.0, mode="nearest"), e2], 1))
        d1 = self.d1(torch.cat([F.interpolate(d2, scale_factor=2.0, mode="nearest"), e1], 1))
        return self.out(d1)


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return torch.sigmoid(self.net(image))


def load(items):
    xs, ys = [], []
    for img, mask, _ in items:
        xs.append(np.floor(skydata.box_resize(skydata.load_rgb(img), SIZE, SIZE) + 0.5).astype(np.uint8))
        with Image.open(mask) as m:
            water = (np.asarray(m) > 0).astype(np.uint8)
        if water.ndim == 3:
            water = water[:, :, 0]
        ys.append(skydata.box_resize(water * 255, SIZE, SIZE) / 255.0)
    x = torch.from_numpy(np.stack(xs)).permute(0, 3, 1, 2).contiguous()
    y = torch.from_numpy(np.stack(ys).astype(np.float32)).unsqueeze(1)
    return x, y


def augment(x, y, gen):
    n = x.shape[0]
    x = x.float() / 255.0
    y = y.clone()
    flip = torch.rand(n, generator=gen) < 0.5
    x[flip] = x[flip].flip(3)
    y[flip] = y[flip].flip(3)
    # random zoom-in crop, resized back: water seen from closer or higher up
    out_x = torch.empty_like(x)
    out_y = torch.empty_like(y)
    for i in range(n):
        s = int(SIZE * (0.6 + 0.4 * float(torch.rand(1, generator=gen))))
        oy = int(torch.randint(0, SIZE - s + 1, (1,), generator=gen))
        ox = int(torch.randint(0, SIZE - s + 1, (1,), generator=gen))
        out_x[i] = F.interpolate(x[i:i + 1, :, oy:oy + s, ox:ox + s], size=(SIZE, SIZE), mode="bilinear",
                                 align_corners=False)[0]
        out_y[i] = F.interpolate(y[i:i + 1, :, oy:oy + s, ox:ox + s], size=(SIZE, SIZE), mode="bilinear",
                                 align_corners=False)[0]
    gain = 0.75 + 0.5 * torch.rand(n, 1, 1, 1, generator=gen)
    sat = 0.6 + 0.8 * torch.rand(n, 1, 1, 1, generator=gen)
    grey = out_x.mean(dim=1, keepdim=True)
    out_x = ((grey + (out_x - grey) * sat) * gain).clamp(0, 1)
    return out_x, out_y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", default=os.path.join("..", "shared", "datasets"))
    ap.add_argument("--out", default=os.path.join("vision", "src", "main", "resources", "org", "skyshare", "vision",
                                                  "models", "water-seg.onnx"))
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    items = skydata.river_items(args.datasets)
    train = [it for it in items if not skydata.held_out(it[2])]
    held = [it for it in items if skydata.held_out(it[2])]
    t0 = time.time()
    x, y = load(train)
    hx, hy = load(held)
    print("train %d, held-out %d images, loaded in %.0fs" % (len(x), len(hx), time.time() - t0))

    net = WaterNet()
    opt = torch.optim.AdamW(net.parameters(), lr=4e-3, weight_decay=1e-4)
    batch = 16
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=4e-3, total_steps=args.epochs * math.ceil(len(x) / batch))
    gen = torch.Generator().manual_seed(SEED)
    for epoch in range(args.epochs):
        net.train()
        order = torch.randperm(len(x), generator=gen)
        total = 0.0
        t0 = time.time()
        for b in range(0, len(x), batch):
            idx = order[b:b + batch]
            bx, by = augment(x[idx], y[idx], gen)
            loss = F.binary_cross_entropy_with_logits(net(bx), by)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print("epoch %2d loss %.4f (%.0fs)" % (epoch + 1, total / len(x), time.time() - t0), flush=True)

    net.eval()
    with torch.no_grad():
        pred = torch.sigmoid(net(hx.float() / 255.0)) >= 0.5
    truth = hy >= 0.5
    inter = (pred & truth).sum(dim=(1, 2, 3)).float()
    union = (pred | truth).sum(dim=(1, 2, 3)).float()
    print("held-out n=%d pooled IoU at 128x128 %.3f, mean per-image IoU %.3f"
          % (len(hx), float(inter.sum() / union.sum()), float((inter / union.clamp(min=1)).mean())))

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    torch.onnx.export(Exported(net), torch.zeros(1, 3, SIZE, SIZE), tmp, input_names=["image"],
                      output_names=["water"], dynamic_axes={"image": {0: "batch"}, "water": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    os.replace(tmp, args.out)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
