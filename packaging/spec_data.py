"""What the desktop build bundles and what it leaves out, in one place.

Why a module: ``packaging/plugin-designer.spec`` builds its data list and its Qt filters from
here, and ``tests/test_packaging.py`` imports the same lists, so a file added to resources/ or
icons/ is bundled without touching the spec and the test proves it. Plain Python: no PyInstaller
or Qt import, so the tests run without either.

Run-time lookup: the data keep their source layout (``resources/...``, ``icons/...``) at the top
of the bundle, which is ``sys._MEIPASS``; ``designer/core/resources.py`` looks there first.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

# Folders the app reads at run time (through designer/core/resources.py only).
DATA_DIRS = ("resources", "icons")
# Never bundled: Python caches, and what the export never puts in a ZIP (below).
JUNK = ("__pycache__", "*.pyc", "*.pyo")


def is_junk(rel: PurePosixPath) -> bool:
    """Whether a file of resources/ or icons/ stays out of the bundle: a Python cache, or what the
    export leaves out (hidden files and folders, editor backups, OS leftovers). Why the export's
    own rule: a shorter list here bundled ``x.bak``, ``desktop.ini`` and the ``.plugin-designer/``
    state of an example opened in place, which every user's first copy of the example then held."""
    from designer.core.zipnames import excluded_why

    return (
        any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in JUNK)
        or excluded_why(rel.as_posix()) is not None
    )


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, destination folder in the bundle), one per file."""
    out: list[tuple[str, str]] = []
    for top in DATA_DIRS:
        for path in sorted((root / top).rglob("*")):
            rel = PurePosixPath(path.relative_to(root).as_posix())
            if path.is_file() and not is_junk(rel):
                out.append((str(path), str(rel.parent)))
    return out


# Python modules imported lazily or only in later versions, so the analysis cannot see them.
HIDDEN_IMPORTS = [
    # The preview pane renders plugins in a web view (Qt WebEngine); keep it bundled.
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "pygments.lexers.javascript",
    "pygments.formatters",
    "pygments.styles",
    "platformdirs",
]

# Python modules never bundled. The PySide6 hooks would otherwise pull QtQuick/QtQml (and the
# 30 MB qml/ folder) in because libQt6WebEngineCore links against libQt6Quick; the shared
# libraries themselves stay (WebEngine cannot load without them), only the Python bindings,
# QML modules and their plugins go.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickTest",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebView",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtCanvasPainter",
    "PySide6.QtLocation",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtHttpServer",
    "PySide6.QtWebSockets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtAsyncio",
]

# Files the PySide6 hooks collect that the app does not use, as fnmatch patterns on the
# destination path inside the bundle (lower case, '/' separated). Checked by the tests against
# KEEP below, so a pattern that would drop something we need fails CI, not the user.
QT = "pyside6/qt"
QT_DROP = [
    # QML/Qt Quick modules and their plugins (the shared libraries stay: WebEngine links them).
    f"{QT}/qml/*",
    f"{QT}/plugins/qmltooling/*",
    f"{QT}/plugins/qmllint/*",
    f"{QT}/plugins/qmlls/*",
    f"{QT}/plugins/scenegraph/*",
    # Platforms other than X11 and offscreen; their helper libraries.
    f"{QT}/plugins/platforms/libqwayland*",
    f"{QT}/plugins/platforms/libqeglfs*",
    f"{QT}/plugins/platforms/libqlinuxfb*",
    f"{QT}/plugins/platforms/libqvnc*",
    f"{QT}/plugins/platforms/libqminimal*",
    f"{QT}/plugins/platforms/libqvkkhrdisplay*",
    f"{QT}/plugins/wayland-*",
    f"{QT}/plugins/egldeviceintegrations/*",
    f"{QT}/plugins/generic/*",
    f"{QT}/plugins/platformthemes/libqgtk3*",
    f"{QT}/lib/libqt6wayland*",
    f"{QT}/lib/libqt6waylandeglclienthwintegration*",
    f"{QT}/lib/libqt6wlshellintegration*",
    f"{QT}/lib/libqt6eglfs*",
    f"{QT}/lib/libqt6vnc*",
    # Virtual keyboard, PDF, 3D, multimedia, charts: nothing in the app uses them.
    f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboard*",
    f"{QT}/plugins/virtualkeyboard/*",
    f"{QT}/lib/libqt6virtualkeyboard*",
    f"{QT}/plugins/imageformats/libqpdf*",
    f"{QT}/lib/libqt6pdf*",
    f"{QT}/lib/libqt63d*",
    f"{QT}/lib/libqt6quick3d*",
    f"{QT}/lib/libqt6multimedia*",
    f"{QT}/plugins/multimedia/*",
    f"{QT}/lib/libffmpeg*",
    f"{QT}/lib/libav*",
    f"{QT}/lib/libsw*",
    f"{QT}/lib/libqt6charts*",
    f"{QT}/lib/libqt6datavisualization*",
    f"{QT}/lib/libqt6graphs*",
    f"{QT}/lib/libqt6quickcontrols2*",
    f"{QT}/lib/libqt6quicktemplates2*",
    f"{QT}/lib/libqt6quickdialogs2*",
    f"{QT}/lib/libqt6quicklayouts*",
    f"{QT}/lib/libqt6quickshapes*",
    f"{QT}/lib/libqt6labs*",
    # Image formats beyond PNG (built into QtGui), SVG and ICO, which are all the app reads.
    f"{QT}/plugins/imageformats/libqjpeg*",
    f"{QT}/plugins/imageformats/libqgif*",
    f"{QT}/plugins/imageformats/libqtiff*",
    f"{QT}/plugins/imageformats/libqwebp*",
    f"{QT}/plugins/imageformats/libqicns*",
    f"{QT}/plugins/imageformats/libqtga*",
    f"{QT}/plugins/imageformats/libqwbmp*",
    f"{QT}/plugins/imageformats/libqmng*",
    f"{QT}/plugins/imageformats/libqjp2*",
    # Printing (pulls in CUPS, GnuTLS, Kerberos) and positioning back-ends (serial NMEA, GeoClue):
    # the app neither prints nor asks where it is. libQt6PrintSupport/Positioning stay (linked).
    f"{QT}/plugins/printsupport/*",
    f"{QT}/plugins/position/*",
    # Translations: the UI is English only. WebEngine keeps its en-US locale (it needs one).
    f"{QT}/translations/*.qm",
    f"{QT}/translations/qtwebengine_locales/*",
]

# What must survive the filters (the tests check QT_DROP against these).
QT_KEEP = [
    f"{QT}/plugins/platforms/libqxcb.so",
    f"{QT}/plugins/platforms/libqoffscreen.so",
    f"{QT}/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    f"{QT}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    f"{QT}/plugins/imageformats/libqsvg.so",
    f"{QT}/plugins/imageformats/libqico.so",
    f"{QT}/plugins/iconengines/libqsvgicon.so",
    f"{QT}/lib/libqt6core.so.6",
    f"{QT}/lib/libqt6gui.so.6",
    f"{QT}/lib/libqt6widgets.so.6",
    f"{QT}/lib/libqt6svg.so.6",
    f"{QT}/lib/libqt6xcbqpa.so.6",
    f"{QT}/lib/libqt6webenginecore.so.6",
    f"{QT}/lib/libqt6webenginewidgets.so.6",
    # Linked by libQt6WebEngineCore/Widgets: dropping them breaks WebEngine at load time.
    f"{QT}/lib/libqt6quick.so.6",
    f"{QT}/lib/libqt6quickwidgets.so.6",
    f"{QT}/lib/libqt6qml.so.6",
    f"{QT}/lib/libqt6qmlmodels.so.6",
    f"{QT}/lib/libqt6qmlmeta.so.6",
    f"{QT}/lib/libqt6qmlworkerscript.so.6",
    f"{QT}/lib/libqt6opengl.so.6",
    f"{QT}/lib/libqt6webchannel.so.6",
    f"{QT}/lib/libqt6positioning.so.6",
    f"{QT}/lib/libqt6printsupport.so.6",
    f"{QT}/libexec/qtwebengineprocess",
    f"{QT}/resources/icudtl.dat",
    f"{QT}/resources/qtwebengine_resources.pak",
    f"{QT}/translations/qtwebengine_locales/en-us.pak",
]

# Exceptions to QT_DROP (checked first).
QT_DROP_EXCEPT = [
    f"{QT}/translations/qtwebengine_locales/en-us.pak",
]


def orphans(
    kept: list[tuple[str, str]], dropped: list[tuple[str, str]], imports: Callable[[str], Iterable[str]]
) -> set[str]:
    """Bundle paths of libraries that only dropped entries need (e.g. GTK for the dropped gtk3 theme).

    ``kept``/``dropped``: (bundle path, source file) of binaries; ``imports(source)``: the library
    names it links. PyInstaller collects a plugin's dependencies before the spec can filter the
    plugin, so they are removed here. A library nothing links (loaded with dlopen, such as NSS's
    softokn3) is never an orphan: only what a dropped file links and no kept file does.
    """
    by_name = {PurePosixPath(dest).name: dest for dest, _ in kept}
    sources = dict(kept)

    def closure(entries: Iterable[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        todo = [src for _, src in entries]
        while todo:
            for name in imports(todo.pop()):
                dest = by_name.get(PurePosixPath(name).name)
                if dest is not None and dest not in found:
                    found.add(dest)
                    todo.append(sources[dest])
        return found

    candidates = closure(dropped)
    roots = [(dest, src) for dest, src in kept if dest not in candidates]
    return candidates - closure(roots)


def drop(dest: str) -> bool:
    """True when the bundle entry at ``dest`` (path inside the bundle) is left out."""
    name = dest.replace("\\", "/").lower()
    if any(fnmatch.fnmatch(name, pat) for pat in QT_DROP_EXCEPT):
        return False
    return any(fnmatch.fnmatch(name, pat) for pat in QT_DROP)
