#!/usr/bin/env python3
"""Regenerate sample-data/: 1,000 Fashion-MNIST test images (100 per class) as 8-bit grayscale PNGs.

Why this script exists: sample-data/ is committed so that tests and first-time users have a small,
labelled image folder without any download. This script documents exactly where every byte came from
and rebuilds the folder byte for byte.

Source: Debian's `dataset-fashion-mnist` package (/usr/share/datasets/fashion-mnist/*-ubyte.gz).
Selection: the TEST split (t10k), and of it, for each class, the first 100 images in file order. No
random pick: "first N in file order" needs no seed and no RNG whose algorithm could change.
Output: sample-data/<class>/<index>.png, <index> = the image's 0-based index in the test split, 5 digits.

Reproducibility: the PNG encoder below is fixed (IHDR + one IDAT + IEND, no ancillary chunks, so no
timestamps or gamma; filter type 0 on every row; zlib level 9 with default window and memory level).
Decoded pixels are always identical to the source; the compressed bytes are identical for any build of
classic zlib (1.2.x/1.3.x). A zlib replacement such as zlib-ng may compress differently; `--verify`
checks the pixels regardless.

Only the Python 3 standard library is used (no PIL), so it runs on a bare CI image.

Usage:
    scripts/make-sample-data.py            # (re)write sample-data/ from the Debian package
    scripts/make-sample-data.py --verify   # check sample-data/ against the source, write nothing
Options: --source DIR (where the *-ubyte.gz files are), --out DIR (default: <repo>/sample-data).
"""

import argparse
import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

DEBIAN_PACKAGE = "dataset-fashion-mnist"
DEFAULT_SOURCE = Path("/usr/share/datasets/fashion-mnist")
IMAGES_FILE = "t10k-images-idx3-ubyte.gz"
LABELS_FILE = "t10k-labels-idx1-ubyte.gz"
PER_CLASS = 100

# Fashion-MNIST label order (label i -> CLASSES[i]), names made filesystem-safe:
# "T-shirt/top" -> "t-shirt_top", "Ankle boot" -> "ankle_boot".
CLASSES = [
    "t-shirt_top", "trouser", "pullover", "dress", "coat",
    "sandal", "shirt", "sneaker", "bag", "ankle_boot",
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_LEVEL = 9


# ---------------------------------------------------------------- reading IDX

def read_idx(path: Path, expected_magic: int):
    """Returns (dims, payload bytes) of a gzipped IDX file; fails loudly on anything unexpected."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        raise SystemExit(f"{path}: magic {magic:#010x}, expected {expected_magic:#010x}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    payload = data[4 + 4 * ndim:]
    expected_len = 1
    for d in dims:
        expected_len *= d
    if len(payload) != expected_len:
        raise SystemExit(f"{path}: {len(payload)} data bytes, header says {expected_len}")
    return dims, payload


def load_test_split(source: Path):
    (n_img, rows, cols), pixels = read_idx(source / IMAGES_FILE, 0x00000803)
    (n_lab,), labels = read_idx(source / LABELS_FILE, 0x00000801)
    if n_img != n_lab:
        raise SystemExit(f"{n_img} images but {n_lab} labels in {source}")
    if max(labels) >= len(CLASSES):
        raise SystemExit(f"unexpected label {max(labels)} in {source / LABELS_FILE}")
    return n_img, rows, cols, pixels, labels


def select(labels: bytes):
    """First PER_CLASS indices of each class, in file order -> list of (class index, image index)."""
    picked = {c: [] for c in range(len(CLASSES))}
    for index, label in enumerate(labels):
        if len(picked[label]) < PER_CLASS:
            picked[label].append(index)
    for c, indices in picked.items():
        if len(indices) != PER_CLASS:
            raise SystemExit(f"class {CLASSES[c]} has only {len(indices)} images in the test split")
    return [(c, i) for c in range(len(CLASSES)) for i in picked[c]]


# ---------------------------------------------------------------- PNG by hand

def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def encode_gray_png(width: int, height: int, pixels: bytes) -> bytes:
    """8-bit grayscale, non-interlaced PNG with only the critical chunks (nothing time-dependent)."""
    # bit depth 8, colour type 0 (grayscale), compression 0, filter method 0, no interlace
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    # Filter type 0 ("None") on each row: a fixed choice keeps the output independent of any
    # heuristic; adaptive filters would save only a few percent on 28x28 images.
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (PNG_SIGNATURE + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(raw, ZLIB_LEVEL)) + _chunk(b"IEND", b""))


def decode_gray_png(data: bytes):
    """Inverse of encode_gray_png for --verify: returns (width, height, pixels); accepts any filter type."""
    if data[:8] != PNG_SIGNATURE:
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"bad CRC in {kind!r}")
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, ctype, interlace) != (8, 0, 0):
                raise ValueError("not 8-bit grayscale non-interlaced")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            if pos != len(data):
                raise ValueError(f"{len(data) - pos} byte(s) after IEND")
            break
    if width is None:
        raise ValueError("no IHDR")
    raw = zlib.decompress(idat)
    out, prev, stride = bytearray(), bytearray(width), width + 1
    for y in range(height):
        ftype, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(width):
            a = line[x - 1] if x else 0
            b, c = prev[x], (prev[x - 1] if x else 0)
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
            elif ftype != 0:
                raise ValueError(f"unknown filter type {ftype}")
        out += line
        prev = line
    return width, height, bytes(out)


# ---------------------------------------------------------------- main

def ensure_source(source: Path) -> None:
    """Installs the Debian package when the files are missing and we can; otherwise explains how."""
    if (source / IMAGES_FILE).is_file() and (source / LABELS_FILE).is_file():
        return
    if source == DEFAULT_SOURCE and shutil.which("apt-get") and os.geteuid() == 0:
        print(f"Installing {DEBIAN_PACKAGE} …", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        cmd = ["apt-get", "install", "-y", "--no-install-recommends", DEBIAN_PACKAGE]
        if subprocess.run(cmd, env=env).returncode != 0:
            # A fresh container often has no package lists yet.
            subprocess.run(["apt-get", "update"], env=env, check=True)
            subprocess.run(cmd, env=env, check=True)
        if (source / IMAGES_FILE).is_file():
            return
    raise SystemExit(
        f"Fashion-MNIST not found in {source}.\n"
        f"Install it with:  sudo apt-get install {DEBIAN_PACKAGE}\n"
        f"or pass --source DIR containing {IMAGES_FILE} and {LABELS_FILE}.")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write (temporary sibling + rename); leaves identical files untouched, mtime included."""
    if path.is_file() and path.read_bytes() == data:
        return False
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def main() -> int:
    repo_root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=repo_root / "sample-data")
    ap.add_argument("--verify", action="store_true", help="check existing PNGs against the source")
    args = ap.parse_args()

    ensure_source(args.source)
    n, rows, cols, pixels, labels = load_test_split(args.source)
    chosen = select(labels)
    size = rows * cols

    if args.verify:
        bad, differ, extra = 0, 0, 0
        expected = {args.out / CLASSES[c] / f"{i:05d}.png" for c, i in chosen}
        for c, i in chosen:
            path = args.out / CLASSES[c] / f"{i:05d}.png"
            source_pixels = pixels[i * size:(i + 1) * size]
            try:
                data = path.read_bytes()
                w, h, px = decode_gray_png(data)
                if (w, h) != (cols, rows) or px != source_pixels:
                    raise ValueError("pixels differ from the source")
            except (OSError, ValueError, zlib.error) as e:
                print(f"{path}: {e}", file=sys.stderr)
                bad += 1
                continue
            # Same pixels but other bytes: most likely another zlib build; worth knowing, not an error.
            if data != encode_gray_png(cols, rows, source_pixels):
                differ += 1
        for cls in CLASSES:
            for path in sorted(set((args.out / cls).glob("*.png")) - expected):
                print(f"{path}: not part of the sample", file=sys.stderr)
                extra += 1
        print(f"{len(chosen) - bad}/{len(chosen)} images match the source pixel for pixel; "
              f"{differ} with other compressed bytes than this zlib makes; {extra} unexpected file(s)")
        return 1 if bad or extra else 0

    written = 0
    for cls in CLASSES:
        (args.out / cls).mkdir(parents=True, exist_ok=True)
    expected = set()
    for c, i in chosen:
        path = args.out / CLASSES[c] / f"{i:05d}.png"
        expected.add(path)
        written += write_if_changed(path, encode_gray_png(cols, rows, pixels[i * size:(i + 1) * size]))
    # Idempotency: a PNG left over from an older selection would silently join the sample.
    removed = 0
    for cls in CLASSES:
        for stale in (args.out / cls).glob("*.png"):
            if stale not in expected:
                stale.unlink()
                removed += 1
    print(f"{len(chosen)} images from {n} test images into {args.out} "
          f"({written} written, {len(chosen) - written} unchanged, {removed} stale removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
