#!/usr/bin/env bash
# Install test of the Linux package, as a user would meet it: installs the .deb with apt, trains one epoch on
# the bundled sample data through the installed launcher, starts the app from its menu entry under Xvfb with
# an empty home, takes a screenshot, checks that the app wrote nothing outside its settings and cache folders,
# and purges the package again.
#
#   installers/linux/install-test.sh [PATH.deb]
#
# Without an argument it takes app/target/dist/mmdc-studio_*.deb, building it first (./mvnw -Pdist package,
# about 2 minutes) when there is none. The screenshot goes to docs/screenshot-installed.png (SHOT overrides).
# Needs root or password-less sudo: it installs into /opt, and installs xvfb, xauth, x11-utils and imagemagick
# when they are missing. Not part of `./mvnw verify` (CI has neither root nor a display to spare); the
# app image itself is tested there by AppImageIT.
#
# Leaves behind only the empty menu folders it had to create (see below), and apt's package lists.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
shot="${SHOT:-$root/docs/screenshot-installed.png}"
package=mmdc-studio
# How long to wait for the window, then for the sample images to be decoded and the thumbnails drawn.
window_timeout_s=90
settle_s=12

as_root=()
if ((EUID != 0)); then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "install-test.sh: needs root or password-less sudo (it installs $package into /opt)" >&2
    exit 1
  fi
fi
run_root() { "${as_root[@]+"${as_root[@]}"}" env DEBIAN_FRONTEND=noninteractive "$@"; }

# --- tools for the display and the screenshot
missing=()
for tool in xvfb-run:xvfb xauth:xauth xwininfo:x11-utils import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
  echo "install-test.sh: installing ${missing[*]}" >&2
  run_root apt-get update -q
  run_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- the package
deb="${1:-}"
if [[ -z "$deb" ]]; then
  shopt -s nullglob
  debs=(app/target/dist/${package}_*.deb)
  shopt -u nullglob
  if ((${#debs[@]} == 0)); then
    echo "install-test.sh: no .deb in app/target/dist; building it (./mvnw -Pdist package)" >&2
    ./mvnw -B -ntp -Pdist package -DskipTests >&2
    debs=(app/target/dist/${package}_*.deb)
  fi
  deb="${debs[0]}"
fi
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
if dpkg -s "$package" >/dev/null 2>&1; then
  echo "install-test.sh: $package is already installed; purge it first (apt-get purge $package)" >&2
  exit 1
fi

# jpackage's maintainer scripts register the menu entry with xdg-desktop-menu, which fails on systems without
# these folders (minimal images, containers); a desktop system has them (TOOLCHAIN.md).
created_dirs=()
for d in /usr/share/desktop-directories /etc/xdg/menus; do
  if [[ ! -d "$d" ]]; then
    run_root mkdir -p "$d"
    created_dirs+=("$d")
  fi
done

home="$(mktemp -d)"
work="$(mktemp -d)"
app_pid=""
cleanup() {
  local rc=$?
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  if dpkg -s "$package" >/dev/null 2>&1; then
    run_root apt-get purge -y -q "$package" >/dev/null || rc=1
  fi
  for d in "${created_dirs[@]+"${created_dirs[@]}"}"; do
    run_root rmdir --ignore-fail-on-non-empty "$d" 2>/dev/null || true
  done
  rm -rf "$home" "$work"
  exit "$rc"
}
trap cleanup EXIT

echo "== installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
# apt (not dpkg -i) so that the declared dependencies, libgtk-3-0 among them, are resolved as for a user.
run_root apt-get install -y -q "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
installed_kib="$(dpkg-query -W -f='${Installed-Size}' "$package")"
echo "installed: $((installed_kib / 1024)) MiB ($(du -sh /opt/$package | cut -f1) in /opt/$package)"
echo "depends:   $(dpkg-query -W -f='${Depends}' "$package")"

# The menu entry the desktop shows; start the app the way it does, from its Exec line.
desktop="$(dpkg -L "$package" | grep '\.desktop$' | head -n 1)"
[[ -f "$desktop" ]] || { echo "install-test.sh: the package has no desktop entry" >&2; exit 1; }
grep -q "^Icon=/opt/$package/" "$desktop" || { echo "install-test.sh: no icon in $desktop" >&2; exit 1; }
# The package scripts copy it into the menu with xdg-desktop-menu, which picks the first writable folder of
# $XDG_DATA_DIRS (by default /usr/local/share, then /usr/share); purging must take it out again.
menu_entry=""
for d in /usr/local/share/applications /usr/share/applications; do
  [[ -f "$d/$(basename "$desktop")" ]] && { menu_entry="$d/$(basename "$desktop")"; break; }
done
[[ -n "$menu_entry" ]] || { echo "install-test.sh: $(basename "$desktop") is not in the menu" >&2; exit 1; }
exec_line="$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)"
# Desktop-entry quoting: the launcher path has a space, written either "quoted" or with a backslash.
eval "exec_argv=($exec_line)"
echo "menu entry: $menu_entry -> ${exec_argv[*]}"

# --- the command line through the installed launcher, on the sample data it carries (one epoch, ~40 s).
launcher="/opt/$package/bin/MMDC Studio"
echo "== $launcher train --data /opt/$package/lib/app/sample-data --epochs 1"
env -u XDG_CACHE_HOME -u XDG_CONFIG_HOME HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" \
  "$launcher" train --data "/opt/$package/lib/app/sample-data" --clusters 10 --epochs 1 --out "$work/run" \
  >"$work/train.log" 2>&1 || { cat "$work/train.log" >&2; echo "install-test.sh: train failed" >&2; exit 1; }
[[ -s "$work/run/run.json" && -s "$work/run/assignments.csv" ]] ||
  { echo "install-test.sh: train wrote no run.json/assignments.csv" >&2; exit 1; }
grep -E '^(ACC|time:)' "$work/train.log" | sed 's/^/  /'

# --- run it on a virtual screen with an empty home: the window must open on the bundled sample data.
cat >"$work/session.sh" <<'EOF'
#!/usr/bin/env bash
set -u
"$@" >"$LOG" 2>&1 &
pid=$!
echo "$pid" >"$PIDFILE"
for ((i = 0; i < WINDOW_TIMEOUT_S; i++)); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"MMDC Studio'; then
    sleep "$SETTLE_S"
    kill -0 "$pid" 2>/dev/null || exit 3
    import -window root "$SHOT"
    kill "$pid"
    wait "$pid" 2>/dev/null
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || exit 3
  sleep 1
done
exit 2
EOF
chmod +x "$work/session.sh"
mkdir -p "$(dirname "$shot")"
started=$(date +%s)
set +e
env -u XDG_CACHE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" \
  LOG="$work/app.log" PIDFILE="$work/pid" SHOT="$shot" WINDOW_TIMEOUT_S="$window_timeout_s" SETTLE_S="$settle_s" \
  xvfb-run -a -s "-screen 0 1280x1024x24" "$work/session.sh" "${exec_argv[@]}"
status=$?
set -e
case "$status" in
  0) echo "screenshot: $shot ($(($(date +%s) - started)) s after start)" ;;
  2) echo "install-test.sh: no window within ${window_timeout_s} s; app log:" >&2; cat "$work/app.log" >&2; exit 1 ;;
  *) echo "install-test.sh: the app exited early; app log:" >&2; cat "$work/app.log" >&2; exit 1 ;;
esac

# --- what the app wrote: only its settings and cache folders. GTK's own dconf cache (~/.cache/dconf) is
# written by the GTK library for any GTK window, not by the app.
unexpected="$(cd "$home" && find . -type f ! -path './.cache/mmdc-studio/*' ! -path './.config/mmdc-studio/*' \
  ! -path './.cache/dconf/*' | sort)"
echo "written to the empty home:"
(cd "$home" && find . -type f | sort | sed 's/^/  /')
if [[ -n "$unexpected" ]]; then
  echo "install-test.sh: the app wrote outside its settings and cache folders:" >&2
  echo "$unexpected" >&2
  exit 1
fi
if grep -qi 'exception' "$work/app.log"; then
  echo "install-test.sh: the app logged an exception:" >&2
  cat "$work/app.log" >&2
  exit 1
fi

echo "== purging $package"
run_root apt-get purge -y -q "$package" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
if [[ -e "/opt/$package" ]] || [[ -e "$menu_entry" ]]; then
  echo "install-test.sh: files left after purge: $(ls -d /opt/$package "$menu_entry" 2>/dev/null)" >&2
  exit 1
fi
echo "purged; install test passed"
