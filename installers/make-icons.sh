#!/usr/bin/env bash
# Draws the MMDC Studio icon and writes it in the formats jpackage wants per OS:
#   installers/linux/mmdc-studio.png    512×512 PNG (Linux app image, .deb desktop entry)
#   installers/windows/mmdc-studio.ico  16–256 px in one ICO (Windows launcher and .msi)
#   installers/macos/mmdc-studio.icns   16–512 px ICNS (macOS .app and .dmg)
#
# The picture is what the app does: four clusters of coloured dots on a dark rounded tile, each cluster
# gathered round a lighter centre (the mixture component's mean). Dot positions come from a fixed-seed
# generator below, so the output is the same on every run; the files are committed, and this script is only
# needed to change them.
#
# Needs ImageMagick 6 (`convert`) and, for the .icns, png2icns from Debian's `icnsutils`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

size=512
# Linear congruential generator (glibc's constants) in shell arithmetic: awk's rand() differs between mawk and
# gawk, which would make the icon depend on the machine that drew it.
seed=20200823
next_rand() { # sets $rand to an integer in [0, 32768)
  seed=$(((seed * 1103515245 + 12345) % 2147483648))
  rand=$(((seed / 65536) % 32768))
}
# Approximately normal offset (sum of four uniforms, centred), scaled by $1 pixels; result in $offset.
next_offset() {
  local sum=0 i
  for i in 1 2 3 4; do
    next_rand
    sum=$((sum + rand))
  done
  offset=$((((sum - 65536) * $1) / 32768))
}

# cluster centre x, y, spread (px), colour: blue, orange, green, magenta (readable on the dark tile and for
# the common colour-vision deficiencies, which tell these four apart by lightness as well as hue).
clusters=(
  "165 170 58 #4f9dff"
  "350 160 52 #ffa53d"
  "160 350 52 #3fd68a"
  "352 348 60 #ff5fa8"
)

draw=()
for c in "${clusters[@]}"; do
  read -r cx cy spread colour <<<"$c"
  for _ in $(seq 1 18); do
    next_offset "$spread"
    x=$((cx + offset))
    next_offset "$spread"
    y=$((cy + offset))
    draw+=(-fill "$colour" -draw "circle $x,$y $((x + 12)),$y")
  done
  # The component mean: a larger ring in the cluster's colour, drawn last so it sits on top.
  draw+=(-fill none -stroke white -strokewidth 7 -draw "circle $cx,$cy $((cx + 22)),$cy" -stroke none)
done

# Tile: rounded square with a faint top-to-bottom gradient, leaving a margin so the icon does not look larger
# than its neighbours in a menu.
convert -size "${size}x${size}" xc:none \
  \( -size 448x448 gradient:'#2b3445-#161b26' \
     \( -size 448x448 xc:none -fill white -draw "roundrectangle 0,0 447,447 88,88" \) \
     -compose CopyOpacity -composite \) \
  -gravity center -compose Over -composite \
  "${draw[@]}" \
  -strip "$work/icon.png"

mkdir -p "$here/linux" "$here/windows" "$here/macos"
# -strip and a fixed PNG time so that re-running the script leaves the files byte-identical.
convert "$work/icon.png" -depth 8 -strip -define png:exclude-chunks=date,time "$here/linux/mmdc-studio.png"

for s in 16 32 48 64 128 256; do
  convert "$work/icon.png" -resize "${s}x${s}" -depth 8 -strip -define png:exclude-chunks=date,time "$work/icon-$s.png"
done
convert "$work"/icon-{16,32,48,64,128,256}.png "$here/windows/mmdc-studio.ico"

if command -v png2icns >/dev/null 2>&1; then
  convert "$work/icon.png" -strip -define png:exclude-chunks=date,time "$work/icon-512.png"
  png2icns "$here/macos/mmdc-studio.icns" "$work"/icon-{16,32,128,256,512}.png >/dev/null
else
  echo "make-icons.sh: png2icns not found (apt-get install icnsutils); installers/macos/mmdc-studio.icns not updated" >&2
fi

echo "wrote $here/linux/mmdc-studio.png, $here/windows/mmdc-studio.ico, $here/macos/mmdc-studio.icns"
