"""Writes FEW.csv: N seeded images per class of Fashion-MNIST, as IDX item names ("t10k-images-idx3-ubyte.gz#123")
with their numeric label (classes 0-9, so cluster j is Fashion-MNIST class j).
Usage: make_few.py DATA_DIR N SEED OUT.csv [SPLITS (default "train t10k": both, merged as ./mmdc loads the folder)]"""
import gzip
import pathlib
import random
import sys


def labels(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    assert int.from_bytes(data[:4], "big") == 2049, path
    return data[8:]


def main(data_dir, n, seed, out, splits="train t10k"):
    data_dir = pathlib.Path(data_dir)
    items = []  # (item name, label) for all 70,000 images
    for prefix in splits.split():
        for i, label in enumerate(labels(data_dir / f"{prefix}-labels-idx1-ubyte.gz")):
            items.append((f"{prefix}-images-idx3-ubyte.gz#{i}", label))
    rng = random.Random(seed)
    rows = ["path,label"]
    for c in range(10):
        of_class = [item for item, label in items if label == c]
        rows += [f"{item},{c}" for item in rng.sample(of_class, n)]
    pathlib.Path(out).write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], *sys.argv[5:])
