"""Prints the few-labels benchmark table (Markdown) from the run folders of one bench/few-labels/run.sh session."""
import json
import pathlib
import re
import statistics
import sys


def acc(run):
    m = json.loads((run / "run.json").read_text())
    return m["metrics"]["acc"], m["timings"]["total"]


def fmt(values):
    if not values:
        return "–"
    accs = [a for a, _ in values]
    spread = f" ({min(accs):.3f}–{max(accs):.3f})" if len(accs) > 1 else ""
    return f"{statistics.mean(accs):.3f}{spread}"


def wall(values):
    return f"{statistics.mean(t for _, t in values):.0f} s" if values else "–"


def wins(runs, n):
    """On how many seeds the semi-supervised run beats both supervised-only and MMDC of the same seed."""
    seeds = [m.group(1) for k in runs for m in [re.match(rf"semi-n{n}-seed(\d+)$", k)] if m]
    compared = [s for s in seeds if f"supervised-n{n}-seed{s}" in runs and f"mmdc-seed{s}" in runs]
    won = [s for s in compared if runs[f"semi-n{n}-seed{s}"][0] > max(runs[f"supervised-n{n}-seed{s}"][0],
                                                                       runs[f"mmdc-seed{s}"][0])]
    return f"{len(won)} of {len(compared)}" if compared else "–"


def main(out):
    out = pathlib.Path(out)
    runs = {p.name: acc(p) for p in out.iterdir() if (p / "run.json").exists()}
    mmdc = [v for k, v in runs.items() if k.startswith("mmdc-seed")]
    ns = sorted({int(m.group(1)) for k in runs for m in [re.match(r"(?:semi|supervised)-n(\d+)-", k)] if m})
    print("| labels per class | seeds | supervised only | unsupervised MMDC | semi-supervised | "
          "semi-supervised beats both, per seed | "
          "semi-supervised, `--consistency-weight 0` | wall per run (sup / MMDC / semi) |")
    print("|---|---|---|---|---|---|---|---|")
    for n in ns:
        sup = [v for k, v in runs.items() if k.startswith(f"supervised-n{n}-")]
        semi = [v for k, v in runs.items() if k.startswith(f"semi-n{n}-")]
        # Optional rows of a variant run by hand into the same folder: semi-noFM-n{N}-seed{S}.
        no_fm = [v for k, v in runs.items() if k.startswith(f"semi-noFM-n{n}-")]
        print(f"| {n} | {len(semi)} | {fmt(sup)} | {fmt(mmdc)} | {fmt(semi)} | {wins(runs, n)} | {fmt(no_fm)} | "
              f"{wall(sup)} / {wall(mmdc)} / {wall(semi)} |")
    print()
    print("Per run: " + ", ".join(f"{k} {a:.3f}" for k, (a, _) in sorted(runs.items())))


if __name__ == "__main__":
    main(sys.argv[1])
