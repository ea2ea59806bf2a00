"""PyInstaller runtime hook: a self-test of Qt WebEngine inside the frozen app, on request only.

Why: the spec trims Qt (QML, Quick plugins, translations) while WebEngine still links some of
those libraries; nothing in today's GUI opens a web view, so the smoke test in build.sh asks
the frozen binary to load a page with ``PLUGIN_DESIGNER_SELFTEST=webengine`` (prints
``webengine ok`` and exits 0, else exits 1). Without the variable this hook does nothing.
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


if os.environ.get("PLUGIN_DESIGNER_SELFTEST") == "webengine":
    _webengine_selftest()
