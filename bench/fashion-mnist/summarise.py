"""Prints the Fashion-MNIST benchmark table from the run folders of one bench/fashion-mnist/run.sh session."""
import json
import pathlib
import statistics
import sys


def main(out):
    out = pathlib.Path(out)
    rows = []
    for run in sorted(p for p in out.iterdir() if (p / "run.json").exists()):
        m = json.loads((run / "run.json").read_text())
        t = (out / (run.name + ".time")).read_text().strip() if (out / (run.name + ".time")).exists() else ""
        rows.append((run.name, m))
        met = m.get("metrics") or {}
        print(f"| {run.name} | {met.get('acc', float('nan')):.4f} | {met.get('nmi', float('nan')):.4f} | "
              f"{met.get('ari', float('nan')):.4f} | {m['timings']['total']:.0f} s | {t} |")
    print()
    print("Accuracy against time (training-subset ACC after each epoch, cumulative seconds):")
    for name, m in rows:
        if not m.get("history"):
            continue
        elapsed = m["timings"]["load"]
        points = []
        for e in m["history"]:
            elapsed += e["seconds"]
            acc = (e.get("metrics") or {}).get("acc")
            points.append(f"{elapsed:.0f}s:{acc:.3f}" if acc is not None else f"{elapsed:.0f}s:-")
        print(f"- {name}: " + ", ".join(points) + f" | final (all 70k) {m['metrics']['acc']:.3f} at {m['timings']['total']:.0f}s, kept epoch {m['keptEpoch'] + 1}")
    by_preset = {}
    for name, m in rows:
        if "-seed" in name:
            by_preset.setdefault(name.split("-seed")[0], []).append(m["metrics"]["acc"])
    for preset, accs in by_preset.items():
        print(f"{preset}: ACC median {statistics.median(accs):.4f} over {len(accs)} seeds, range {min(accs):.4f}-{max(accs):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
