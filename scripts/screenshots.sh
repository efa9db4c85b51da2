#!/usr/bin/env bash
# Takes the documentation screenshots: runs MMDC Studio under Xvfb on sample-data/, starts a run, and in the
# middle of it saves the main window, the gallery, the map, the confusion matrix and the dark theme as PNGs.
#
#   scripts/screenshots.sh [OUT_DIR]      (default: docs/)
#
# The app takes the pictures itself (Scene.snapshot, see app/.../gui/ScreenshotDirector.java), so no window
# manager or robot is involved; Xvfb only provides the display a real (GTK) window needs. The user's own
# settings are never read or written: the run uses a temporary settings folder.
#
# Environment:
#   MMDC_SHOT_EPOCH   one-based epoch after which the pictures are taken (default 9: the map beside training
#                     lags the gallery by a few epochs, and the pictures should show one)
#   MMDC_SHOT_EPOCHS  epochs of the run (default: the quick preset sized for the sample data)
#   MMDC_JAVA_OPTS="-Dmmdc.screenshots.finish=true"  lets the run finish and adds screenshot-result.png and
#                     screenshot-labels.png
#   MMDC_JAVA_OPTS="-Dmmdc.screenshots.restart=true"  after the pictures, presses Start again on the full window
#                     and prints the FX-thread stalls of that second run's first MMDC_SHOT_EPOCH epochs
#   MMDC_JAVA_OPTS="-Dmmdc.screenshots.watch=Clusters"  the tab shown while the measured epochs run: Training
#                     (the default), Clusters, Map or Confusion (the start of a tab's title, any case), or
#                     cycle: the next tab every 1.5 s
# Installs xvfb, xauth, libgtk-3-0 and imagemagick with apt-get when they are missing (needs root or sudo).
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs}")"

packages=(xvfb xauth libgtk-3-0 imagemagick)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed$' || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  as_root=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "screenshots.sh: missing ${missing[*]}; install them: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "screenshots.sh: installing ${missing[*]}" >&2
  "${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

settings="$(mktemp -d)"
trap 'rm -rf "$settings"' EXIT

opts="-Dmmdc.screenshots=$out -Dmmdc.screenshots.afterEpoch=${MMDC_SHOT_EPOCH:-9} -Dmmdc.config.dir=$settings"
opts+=" -Dmmdc.stalls=true -Dprism.order=sw"
if [[ -n "${MMDC_SHOT_EPOCHS:-}" ]]; then
  opts+=" -Dmmdc.screenshots.epochs=$MMDC_SHOT_EPOCHS"
fi

# -a: a free display number; 24-bit colour so the PNGs are not dithered.
MMDC_JAVA_OPTS="$opts ${MMDC_JAVA_OPTS:-}" timeout 900 \
  xvfb-run -a -s "-screen 0 1400x1000x24" "$root/mmdc"

for shot in main gallery map confusion dark export; do
  f="$out/screenshot-$shot.png"
  [[ -f "$f" ]] || { echo "screenshots.sh: $f was not written" >&2; exit 1; }
  identify -format "%f: %wx%h\n" "$f"
done
