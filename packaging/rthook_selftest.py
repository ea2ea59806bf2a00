"""PyInstaller runtime hook: self-tests inside the frozen app, on request only.

Why: the spec trims Qt (QML, Quick plugins, translations) while WebEngine still links some of
those libraries, so the smoke test in build.sh asks the frozen binary to load a page with
``PLUGIN_DESIGNER_SELFTEST=webengine`` (prints ``webengine ok`` and exits 0, else exits 1).
``PLUGIN_DESIGNER_SELFTEST=resources`` reads every kind of data file through the app's own
loaders (schemas, recipes, snippets, the API list, the preview page, the built-in icons and the
app icon) and checks they come from the bundle: the commands the smoke test runs reach only
some of them, and a missing folder shows only in the GUI (no snippets, an empty icon gallery).
Without the variable this hook does nothing.
"""

import os


def _webengine_selftest() -> None:
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: F401 - must come before QApplication
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    result: dict[str, str] = {}

    def loaded(ok: bool) -> None:
        result["loaded"] = str(ok)
        if not ok:
            app.quit()
            return
        view.page().runJavaScript("document.title + ' ' + (1 + 1)", lambda t: (result.update(title=str(t)), app.quit()))

    view.loadFinished.connect(loaded)
    view.setHtml("<html><head><title>webengine</title></head><body>ok</body></html>")
    QTimer.singleShot(30000, app.quit)
    app.exec()
    ok = result.get("title") == "webengine 2"
    print("webengine ok" if ok else f"webengine failed: {result!r}", flush=True)
    sys.stderr.flush()
    # Leave without Qt's teardown: destroying the default profile while Chromium still holds the
    # page crashes at exit, which says nothing about whether WebEngine works.
    os._exit(0 if ok else 1)


def _resources_selftest() -> None:
    import json
    import sys
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from designer.core import iconset, pexapi, recipes, schemas, snippets
        from designer.core.preview import page_html
        from designer.core.resources import data_root, icons_dir
        from designer.gui.app import app_icon, make_app

        root = data_root()
        assert root == Path(sys._MEIPASS), f"resources found in {root}, not in the bundle ({sys._MEIPASS})"
        found = {"schemas": len([schemas.schema(kind) for kind in schemas.KINDS])}
        found["recipes"] = len([r.icon_svg() for r in recipes.list_recipes()])
        found["snippets"] = len(snippets.load_snippets())
        assert snippets.find_prefix("iife") is not None, "the snippet 'iife' is missing"
        found["REST paths"] = len(pexapi.request_paths())
        page = page_html({})
        assert "/*PD_MOCK*/" not in page and "/*PD_UI*/" not in page, "the preview page was not put together"
        index = json.loads((icons_dir() / "plugin-icons" / "index.json").read_text(encoding="utf-8"))
        found["built-in icons"] = len(iconset.builtin_icons())
        assert found["built-in icons"] == len(index), f"{found['built-in icons']} of {len(index)} built-in icons found"
        make_app()
        sizes = sorted(s.width() for s in app_icon().availableSizes())
        assert sizes, "the app icon is missing"
        found["app icon sizes"] = len(sizes)
        empty = [what for what, n in found.items() if not n]
        assert not empty, f"none found: {', '.join(empty)}"
    except Exception as exc:  # noqa: BLE001 - any failure is the answer
        print(f"resources failed: {type(exc).__name__}: {exc}", flush=True)
        os._exit(1)
    print("resources ok: " + ", ".join(f"{n} {what}" for what, n in found.items()), flush=True)
    os._exit(0)


if os.environ.get("PLUGIN_DESIGNER_SELFTEST") == "webengine":
    _webengine_selftest()
elif os.environ.get("PLUGIN_DESIGNER_SELFTEST") == "resources":
    _resources_selftest()
