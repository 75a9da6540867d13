"""Dataset reading, held-out split rules and resizing shared by the training scripts.

The split rules and the box resize are mirrored in Java (org.skyshare.vision.visual.FireSmokeSplit,
org.skyshare.vision.visual.BoxResize, org.skyshare.vision.flood.WaterSplit) so that `skyshare evaluate`
scores exactly the images the training never saw, prepared exactly as the training prepared them.
"""
import os
import re
import zlib

import numpy as np
from PIL import Image

ROBOFLOW = os.path.join("fire-smoke", "roboflow-fire8")
CAIR = os.path.join("fire-smoke", "cair-fire")
RIVER = os.path.join("water", "river-seg")
HELD_OUT_MODULUS = 5


def roboflow_group(file_name):
    """Frames of one video (or one block of 100 numbered stills) form one group: near-duplicates stay together."""
    stem = file_name.split("_jpg.rf.")[0]
    if "_mp4" in stem:
        return stem.split("_mp4")[0]
    m = re.match(r"img_(\d+)", stem)
    if m:
        return "img-%d" % (int(m.group(1)) // 100)
    return stem


def held_out(group_key, fold=0):
    """Fold 0 is the held-out split every figure is reported on; folds 1-4 only serve cross-validation."""
    return zlib.crc32(group_key.encode("utf-8")) % HELD_OUT_MODULUS == fold


def water_group(file_name):
    """Consecutive numbers often come from one place: blocks of ten images form one group."""
    n = int(os.path.splitext(file_name)[0])
    return "block-%d" % ((n - 1) // 10)


def box_resize(rgb, out_h, out_w):
    """Area-average resize with integer box bounds; identical in Java (BoxResize)."""
    h, w = rgb.shape[0], rgb.shape[1]
    integral = np.zeros((h + 1, w + 1) + rgb.shape[2:], dtype=np.int64)
    integral[1:, 1:] = rgb.astype(np.int64).cumsum(0).cumsum(1)
    ys = [(i * h) // out_h for i in range(out_h + 1)]
    xs = [(j * w) // out_w for j in range(out_w + 1)]
    y0 = np.array(ys[:-1]); y1 = np.maximum(np.array(ys[1:]), y0 + 1)
    x0 = np.array(xs[:-1]); x1 = np.maximum(np.array(xs[1:]), x0 + 1)
    s = (integral[y1][:, x1] - integral[y0][:, x1] - integral[y1][:, x0] + integral[y0][:, x0])
    area = ((y1 - y0)[:, None] * (x1 - x0)[None, :]).astype(np.float64)
    if s.ndim == 3:
        area = area[:, :, None]
    return (s / area).astype(np.float32)


def load_rgb(path):
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def roboflow_items(datasets):
    """(path, fire, smoke, group) for every roboflow image; class 1 'default' marks a frame with neither."""
    root = os.path.join(datasets, ROBOFLOW)
    items = []
    for split in ("train", "valid", "test"):
        img_dir = os.path.join(root, split, "images")
        for name in sorted(os.listdir(img_dir)):
            label = os.path.join(root, split, "labels", os.path.splitext(name)[0] + ".txt")
            classes = set()
            if os.path.exists(label):
                with open(label) as f:
                    classes = {line.split()[0] for line in f if line.strip()}
            items.append((os.path.join(img_dir, name), float("0" in classes), float("2" in classes),
                          roboflow_group(name)))
    return items


def roboflow_boxes(image_path):
    """The fire and smoke boxes of a roboflow image: (class 0 fire / 1 smoke, centre x, centre y, width, height),
    normalised to the image as in the YOLO label file; the dataset's class 1 ("default") is not a box of either."""
    label = image_path.replace(os.sep + "images" + os.sep, os.sep + "labels" + os.sep).rsplit(".", 1)[0] + ".txt"
    boxes = []
    if os.path.exists(label):
        with open(label) as f:
            for line in f:
                t = line.split()
                if len(t) == 5 and t[0] in ("0", "2"):
                    boxes.append((0 if t[0] == "0" else 1,) + tuple(float(v) for v in t[1:]))
    return boxes


def cair_items(datasets):
    """(path, fire, smoke, group); smoke is unknown (NaN) on cair fire photos, 0 on normal ones."""
    root = os.path.join(datasets, CAIR)
    items = []
    for cls, fire, smoke in (("fire", 1.0, float("nan")), ("normal", 0.0, 0.0)):
        for name in sorted(os.listdir(os.path.join(root, cls))):
            items.append((os.path.join(root, cls, name), fire, smoke, name))
    return items


def river_items(datasets):
    root = os.path.join(datasets, RIVER)
    names = sorted(n for n in os.listdir(root) if n.endswith(".jpg"))
    return [(os.path.join(root, n), os.path.join(root, n[:-4] + ".png"), water_group(n)) for n in names]
