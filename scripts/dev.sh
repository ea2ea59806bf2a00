#!/usr/bin/env bash
# Plugin Designer: one script, two jobs.
#   bash scripts/dev.sh open [PATH]   set everything up, then open the designer (default: your copy of the example)
#   bash scripts/dev.sh test [ARGS]   set everything up, then run the whole test suite headless
#   bash scripts/dev.sh setup         only set up (.venv with every package; Qt's system libraries if root)
# Works on a fresh Debian/Ubuntu machine as root (installs missing system libraries with apt-get)
# or as a user (prints the one apt-get line to run if a library is missing).
if [ -z "${BASH_VERSION:-}" ]; then  # (`sh scripts/dev.sh`, dash on Debian: "set: Illegal option -o pipefail")
    echo "[plugin-designer] this script needs bash: bash $0 $*" >&2
    exit 2
fi
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
caller="$PWD"  # where the user ran it from: a relative PATH given to `open` means a path from there
cd "$here"
venv="$here/.venv"
mode="${1:-open}"
[ $# -gt 0 ] && shift

say() { printf '\033[1m[plugin-designer]\033[0m %s\n' "$*" >&2; }
is_root() { [ "$(id -u)" = 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

# Run with sudo in a user's checkout, what this script made there (.venv; the caches of a test run
# or of the designer) was root's, and that user's own next run stopped at "Permission denied" (pip
# installing into .venv). At exit it goes back to the checkout's owner.
sudo_owner() {
    # The checkout's owner (uid:gid) when this runs as root through sudo for that user; else fails.
    is_root && [ -n "${SUDO_USER:-}" ] || return 1
    local uid="${SUDO_UID:-}" owner
    [ -n "$uid" ] || uid="$(id -u "$SUDO_USER" 2>/dev/null)" || return 1
    owner="$(stat -c %u:%g "$here" 2>/dev/null || stat -f %u:%g "$here" 2>/dev/null)" || return 1
    [ "$uid" != 0 ] && [ "${owner%%:*}" = "$uid" ] && echo "$owner"
}
give_back() {
    local owner
    owner="$(sudo_owner)" || return 0
    # (.git is not this script's; a link is given back itself, not what it points to: a .venv
    # linked to one that other checkouts share stays as it is)
    find "$here" -xdev -path "$here/.git" -prune -o -uid 0 -exec chown -h "$owner" {} + 2>/dev/null || true
}
last() {
    # The command the script ends with; through sudo not exec'd, so that what it makes is given back.
    if sudo_owner >/dev/null; then
        local status=0
        "$@" || status=$?
        exit "$status"
    fi
    exec "$@"
}
at_exit() {
    stop_xvfb
    give_back
}
trap at_exit EXIT

apt_updated=0
apt_install() {
    # Install the named Debian packages that are missing; as a user, say how instead.
    local missing=() pkg
    # Not Debian or Ubuntu (macOS, Fedora): nothing tells what is installed, and these are Debian's
    # names. Every run listed all of them as missing, on macOS too, where Qt needs none of them.
    have dpkg || return 0
    for pkg in "$@"; do
        # (or under its name for 64-bit time: libasound2 is libasound2t64 on Ubuntu 24.04, Debian 13)
        dpkg -s "$pkg" >/dev/null 2>&1 || dpkg -s "${pkg}t64" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! have apt-get; then
        say "missing system packages: ${missing[*]} (install them with your package manager)"
        return 0
    fi
    if is_root && [ $apt_updated = 0 ]; then
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
        apt_updated=1
    fi
    # This release's names: "<name>t64" where it has one, as there the old name is only a virtual
    # package (Ubuntu 24.04's libasound2, with two providers: "apt-get install libasound2" fails,
    # "no installation candidate"). As root, only packages the release has; as a user, whose
    # package lists may not be read yet, the rest as named.
    local known available=()
    known=" $(apt-cache show --no-all-versions "${missing[@]}" "${missing[@]/%/t64}" 2>/dev/null | sed -n 's/^Package: //p' | tr '\n' ' ') " || true
    for pkg in "${missing[@]}"; do
        if [[ "$known" == *" ${pkg}t64 "* ]]; then
            available+=("${pkg}t64")
        elif [[ "$known" == *" $pkg "* ]] || ! is_root; then
            available+=("$pkg")
        fi
    done
    [ ${#available[@]} -eq 0 ] && return 0
    if ! is_root; then
        say "missing system packages: ${available[*]}"
        if have sudo; then
            say "run: sudo apt-get install -y --no-install-recommends ${available[*]}"
        else  # (Debian installed with a root password has no sudo: "sudo: command not found")
            say "run as root (there is no sudo here): apt-get install -y --no-install-recommends ${available[*]}"
        fi
        return 0
    fi
    say "installing system packages: ${available[*]}"
    # Lock::Timeout: on a machine just started, unattended-upgrades holds dpkg's lock for minutes, and
    # the install stopped the script at once ("Could not get lock /var/lib/dpkg/lock-frontend").
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends \
        --no-upgrade "${available[@]}" >/dev/null
}

# Libraries Qt (Widgets, Svg, WebEngine) loads even offscreen, and the X11 ones for a real window.
QT_LIBS=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 libnss3 libasound2
         libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libgbm1 libxshmfence1)
X11_LIBS=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
          libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1)

find_python() {
    local py
    for py in python3.13 python3.12 python3.11 python3.10 python3; do
        if have "$py" && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
            echo "$py"; return 0
        fi
    done
    return 1
}

setup() {
    # Arguments: more system packages the caller needs (open's X11 ones), asked for in the same
    # apt-get line as Qt's: a user was told two lines to run, the README promising one.
    local py
    if ! py="$(find_python)"; then
        apt_install python3 python3-venv
        py="$(find_python)" || { say "Python 3.10 or newer is needed"; exit 2; }
    fi
    # A .venv never installed into may be half made (a first run stopped while `venv` ran, or
    # `venv` failing for want of python3-venv after it made bin/python): without pip in it, every
    # later run stopped at "No module named pip". It is made again.
    if [ -x "$venv/bin/python" ] && [ ! -f "$venv/.installed" ] && ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
        say "$venv was left half made (no pip in it): making it again"
        rm -rf "$venv"
    fi
    if [ ! -x "$venv/bin/python" ]; then
        say "creating $venv with $py"
        # What is left of one whose Python is gone (a system upgrade from 3.11 to 3.12) goes too: its
        # stamp said "installed", so the new venv was left without a single package.
        rm -rf "$venv"
        if ! "$py" -m venv "$venv" 2>/dev/null; then
            rm -rf "$venv"
            apt_install python3-venv "python$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
            if ! "$py" -m venv "$venv"; then
                rm -rf "$venv"
                # (ensurepip is what Debian's python3-venv adds; with it there, the cause is another,
                # such as a folder one may not write to, and Python's own message above says it)
                if "$py" -c 'import ensurepip' 2>/dev/null; then
                    say "could not create $venv with $py (why: just above)"
                else
                    say "could not create $venv with $py: its venv module is missing (Debian, Ubuntu: the python3-venv package); install it, then run this again"
                fi
                exit 2
            fi
        fi
    fi
    # Re-install only when pyproject.toml changed since the last successful install, or .venv moved
    # (with the checkout): the programs pip put in .venv/bin name their Python by the old path, and
    # `open` said ".../old/.venv/bin/python: not found". Installed again, pip writes them anew. (Its
    # real place: checkouts that share one .venv through a link do not install in turn.)
    local stamp="$venv/.installed" want
    want="$(sha256sum pyproject.toml | cut -c1-16) $(cd "$venv" && pwd -P)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing Python packages into .venv (first time: a minute or two)"
        "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
        echo "$want" > "$stamp"
    fi
    apt_install "${QT_LIBS[@]}" "$@"
}

xvfb_pid=""
xvfb_dir=""
start_xvfb() {
    # A virtual screen (Xvfb) on the first free display from :99, as xvfb-run -a starts one, but in a
    # session of its own: Ctrl+C in this terminal reached the X server too, which died before the
    # designer could close ("The X11 connection broke"). Now only the designer gets it; it closes as
    # its window would, keeping unsaved changes in its recovery copy, and the exit trap then stops Xvfb.
    xvfb_dir="$(mktemp -d)"  # (stopped by the exit trap, at_exit)
    export XAUTHORITY="$xvfb_dir/Xauthority"
    : >"$XAUTHORITY"  # (xauth says it "does not exist" otherwise)
    local n=99 tries=0
    while [ $tries -lt 10 ]; do
        while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
        xauth -q -f "$XAUTHORITY" add ":$n" . "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
        # -displayfd: Xvfb writes the display's number there once it takes connections.
        setsid Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp -auth "$XAUTHORITY" -displayfd 3 \
            3>"$xvfb_dir/ready" >"$xvfb_dir/log" 2>&1 </dev/null &
        xvfb_pid=$!
        while [ ! -s "$xvfb_dir/ready" ] && kill -0 "$xvfb_pid" 2>/dev/null; do sleep 0.1; done
        if [ -s "$xvfb_dir/ready" ]; then
            export DISPLAY=":$n"
            return 0
        fi
        wait "$xvfb_pid" 2>/dev/null || true  # (another display took :$n meanwhile: the next one)
        xvfb_pid=""
        n=$((n + 1))
        tries=$((tries + 1))
    done
    say "Xvfb did not start: $(tail -n 3 "$xvfb_dir/log" 2>/dev/null | tr '\n' ' ')"
    return 1
}
stop_xvfb() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    [ -n "$xvfb_dir" ] && rm -rf "$xvfb_dir"
    return 0
}

case "$mode" in
    setup)
        setup
        ;;
    test)
        setup
        say "running the test suite (headless, QT_QPA_PLATFORM=offscreen)"
        export QT_QPA_PLATFORM=offscreen
        # pytest runs from the checkout: a test file named from elsewhere (tests/, as `open PATH`
        # takes a PATH) is given by its whole path; options and the values of -k, -m, -p, ... pass.
        args=()
        value=0
        for arg in "$@"; do
            if [ $value = 0 ] && [ "$caller" != "$here" ] && [[ "$arg" != [/-]* ]] && [ -e "$caller/${arg%%::*}" ]; then
                arg="$caller/$arg"
            fi
            args+=("$arg")
            value=0
            case "$arg" in -k | -m | -p | -o | -c | -W) value=1 ;; esac
        done
        last "$venv/bin/python" -m pytest ${args[@]+"${args[@]}"}
        ;;
    open)
        no_screen=0
        [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ] && no_screen=1
        x11=()
        if [ $no_screen = 1 ]; then
            x11=("${X11_LIBS[@]}")
        elif [ "$(uname)" = Linux ]; then
            x11=("${X11_LIBS[@]:2}")  # (a screen of its own: no Xvfb, no xauth)
        fi
        setup ${x11[@]+"${x11[@]}"}  # (bash 3.2 of macOS: an empty array is "unbound" under set -u)
        # Without a PATH: the user's own copy of the example (saving or exporting writes into a
        # project; the example in this checkout stays as shipped, and the tests copy it).
        target=(--example)
        if [ $# -gt 0 ]; then
            target=()
            for arg in "$@"; do
                case "$arg" in
                    /* | -* | "~"*) target+=("$arg") ;;
                    *) target+=("$caller/$arg") ;;
                esac
            done
        fi
        if [ $no_screen = 1 ]; then
            if have Xvfb && have xauth && start_xvfb; then
                say "no screen found: opening the designer on a virtual screen (Xvfb); stop it with Ctrl+C"
                # Not exec'd: the virtual screen is stopped when the designer has ended.
                status=0
                "$venv/bin/plugin-designer" "${target[@]}" || status=$?
                exit "$status"
            fi
            # Not offscreen: a window nobody can see, and a terminal waiting for Ctrl+C, help no one.
            have Xvfb && have xauth || say "Xvfb (a virtual screen) is not installed: packages xvfb and xauth"
            say "no screen found (no DISPLAY or WAYLAND_DISPLAY), so it cannot show the designer's window: run this in a desktop session or over ssh -X, or install Xvfb as above; to check a project without a window: $venv/bin/plugin-designer check PATH"
            exit 2
        fi
        last "$venv/bin/plugin-designer" "${target[@]}"
        ;;
    *)
        say "usage: bash scripts/dev.sh open [PATH] | test [PYTEST ARGS] | setup"
        exit 2
        ;;
esac
