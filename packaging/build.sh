#!/usr/bin/env bash
# Desktop build of Plugin Designer: a clean venv, PyInstaller (onedir), a smoke test of the built
# binary offscreen, and a tar.gz of the result.
#
#   bash packaging/build.sh                 # build/venv from scratch, then dist/plugin-designer/
#   bash packaging/build.sh --reuse-venv    # keep build/venv (reinstalls the project only; faster)
#   bash packaging/build.sh --smoke-only    # only smoke-test an existing dist/plugin-designer/
#
# Exits non-zero when any step or any smoke check fails. Outputs (gitignored):
#   dist/plugin-designer/plugin-designer                        the program (with _internal/ beside it)
#   dist/plugin-designer-VERSION-linux-ARCH.tar.gz              the folder, packed
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
venv="$here/build/venv"
app="$here/dist/plugin-designer"
bin="$app/plugin-designer"
reuse=0
smoke_only=0
for arg in "$@"; do
    case "$arg" in
        --reuse-venv) reuse=1 ;;
        --smoke-only) smoke_only=1 ;;
        *) echo "usage: bash packaging/build.sh [--reuse-venv] [--smoke-only]" >&2; exit 2 ;;
    esac
done

say() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }
now() { date +%s; }
t0=$(now)

find_python() {
    local py
    for py in python3.13 python3.12 python3.11 python3.10 python3; do
        if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
            echo "$py"; return 0
        fi
    done
    return 1
}

if [ $smoke_only = 0 ]; then
    # (--reuse-venv after a build stopped while its venv was made: no pip in it, "No module named pip")
    if [ $reuse = 0 ] || [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
        py="$(find_python)" || { say "Python 3.10 or newer is needed"; exit 2; }
        say "creating a clean build venv: $venv ($py)"
        rm -rf "$venv"
        "$py" -m venv "$venv"
        "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    fi
    say "installing the project and PyInstaller into the build venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7"
    # --force-reinstall --no-deps: the venv gets exactly this checkout even when the version is unchanged.
    "$venv/bin/python" -m pip install -q --disable-pip-version-check .
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps .
    t_venv=$(now)

    say "running PyInstaller (packaging/plugin-designer.spec)"
    rm -rf "$app"
    "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --distpath "$here/dist" --workpath "$here/build/pyinstaller" packaging/plugin-designer.spec
    cp packaging/plugin-designer.desktop "$app/"
    t_build=$(now)
    say "PyInstaller took $((t_build - t_venv)) s (venv set-up $((t_venv - t0)) s)"
fi

[ -x "$bin" ] || { say "no built program at $bin"; exit 1; }
python="$venv/bin/python"
[ -x "$python" ] || python="$(find_python)"
version="$("$python" -c 'from importlib.metadata import version; print(version("pexip-plugin-designer"))' 2>/dev/null || echo "")"

# ---- smoke test: the built binary, offscreen, from a folder outside the source tree ----
say "smoke test of $bin"
export QT_QPA_PLATFORM=offscreen
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
pass() { say "  ok   $*"; }
fail() { say "  FAIL $*"; failures=$((failures + 1)); }
run() {  # run NAME EXPECTED_RC CMD...: the command's output goes to $work/NAME.log
    local name="$1" want="$2" rc=0
    shift 2
    (cd "$work" && "$@") >"$work/$name.log" 2>&1 || rc=$?
    if [ "$rc" = "$want" ]; then pass "$name (exit $rc)"; return 0; fi
    fail "$name: exit $rc, expected $want; output:"
    sed 's/^/         /' "$work/$name.log" >&2
    return 1
}

if run version 0 "$bin" --version; then
    got="$(cat "$work/version.log")"
    if [ -n "$version" ] && [ "$got" != "plugin-designer $version" ]; then
        fail "--version printed '$got', expected 'plugin-designer $version'"
    elif [[ "$got" == *unknown* ]]; then
        fail "--version printed '$got': the package metadata is missing from the bundle"
    else
        pass "--version prints '$got'"
    fi
fi
run check-example 0 "$bin" check "$here/resources/examples/demo" --strict || true
# The example inside the bundle: proves resources/ was bundled where resources.py looks (sys._MEIPASS).
run check-bundled-example 0 "$bin" check "$app/_internal/resources/examples/demo" --strict || true
run check-missing-path 2 "$bin" check "$work/does-not-exist" || true
cp -r "$here/resources/examples/demo" "$work/demo"
if run export 0 "$bin" export demo -o x.zip; then
    if "$python" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; assert "webapp2/settings.json" in z.namelist()' "$work/x.zip"; then
        pass "x.zip is a valid ZIP with webapp2/settings.json"
    else
        fail "x.zip is not a valid branding ZIP"
    fi
fi
# What a new user does next, with names that have spaces and letters beyond ASCII (the frozen
# app's file-name encoding): import the exported ZIP, add a recipe's plugin, repair a broken copy.
if [ -s "$work/x.zip" ] && run import 0 "$bin" import x.zip -o "imported ü"; then
    run check-imported 0 "$bin" check "imported ü" --strict || true
fi
run recipes 0 "$bin" recipes || true
if run new-recipe 0 "$bin" new "new project é" --recipe participant-action --set what=disconnect; then
    run check-new-recipe 0 "$bin" check "new project é" --strict || true
fi
cp -r "$here/resources/examples/demo" "$work/broken copy"
sed -i 's/"enabled": true$/"enabled": true,/' "$work/broken copy/webapp2/settings.json"  # trailing commas
sed -i 's/"isSettingsBranded": true/"isSettingsBranded": false/' "$work/broken copy/webapp2/manifest.json"
run check-broken 1 "$bin" check "broken copy" || true
if run check-fix 0 "$bin" check --fix "broken copy"; then
    run check-fixed 0 "$bin" check "broken copy" --strict || true
fi
# The plugins' JavaScript in the preview runtime (resources/preview) under Qt WebEngine, as `simulate`.
if run simulate 0 env QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu" timeout 120 "$bin" simulate demo; then
    grep -q "^0 uncaught errors" "$work/simulate.log" && pass "simulate ran the plugins" || fail "simulate printed no '0 uncaught errors'"
fi
# Every kind of data file (schemas, recipes, snippets, API list, preview page, built-in and app
# icons) read through the app's own loaders, from the bundle (packaging/rthook_selftest.py).
if run resources 0 env PLUGIN_DESIGNER_SELFTEST=resources timeout 120 "$bin"; then
    pass "$(grep '^resources ok' "$work/resources.log")"
fi
if run screenshot 0 "$bin" screenshot "$here/resources/examples/demo" -o shot.png; then
    if [ -s "$work/shot.png" ] && [ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
        mkdir -p "$here/build"
        cp "$work/shot.png" "$here/build/smoke-shot.png"
        pass "screenshot is a PNG of $(stat -c %s "$work/shot.png") bytes (copied to build/smoke-shot.png)"
    else
        fail "screenshot did not write a PNG"
    fi
fi
# Qt WebEngine (kept for the preview pane) loads a page and runs JavaScript in the trimmed bundle.
if run webengine 0 env PLUGIN_DESIGNER_SELFTEST=webengine QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu" timeout 120 "$bin"; then
    grep -q "webengine ok" "$work/webengine.log" && pass "WebEngine self-test" || fail "WebEngine self-test printed no 'webengine ok'"
fi

if [ $failures -gt 0 ]; then
    if [ $failures -eq 1 ]; then say "smoke test: 1 failure"; else say "smoke test: $failures failures"; fi
    exit 1
fi

# ---- archive ----
arch="$(uname -m)"
tarball="$here/dist/plugin-designer-${version:-unknown}-linux-$arch.tar.gz"
say "writing $tarball"
tar -C "$here/dist" -czf "$tarball" plugin-designer
t_end=$(now)
say "done in $((t_end - t0)) s: $(du -sh "$app" | cut -f1) in dist/plugin-designer/, $(du -h "$tarball" | cut -f1) packed"
