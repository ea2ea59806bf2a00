"""The branding package as plain dataclasses, loaded from and saved to its files faithfully.

Why typed fields *and* ``raw``: the GUI and the checks want ``plugin.package.platforms`` as a
list of strings, but real packages carry keys we do not know (``configuration`` objects the
plugin reads back at run time), odd types and a key order people chose. Each model object
keeps the JSON object it came from; :meth:`to_json` starts from it and overwrites only the
fields whose value changed since loading, so a save never touches what the user did not.
"""

from __future__ import annotations

import _thread
import os
import posixpath
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from .files import WRITE_JOURNAL, DirFiles, PackageFiles, clash_key, locate, normalize
from .jsonfile import JsonDocument, JsonSyntaxError, same_json
from .jstext import one_line
from .problems import Fix, Problem, Severity, make

_T = TypeVar("_T")

__all__ = [
    "SECTIONS",
    "PLATFORMS",
    "ROLES",
    "BrandingPackage",
    "Manifest",
    "MenuItem",
    "Plugin",
    "PluginPackage",
    "Settings",
    "SettingsEntry",
    "UnreadableFileError",
    "load",
    "mark_written",
    "model_copy",
    "unreadable_files",
    "save",
]

SECTIONS = ("conference", "toolbar", "participants")
PLATFORMS = ("web", "electron", "ios", "android")
ROLES = ("chair", "guest")


def _as_str(v: Any) -> str | None:
    return v if isinstance(v, str) else None


def number_text(v: float) -> str:
    """A JSON number as JavaScript writes it as text (``42.0`` is "42"), as the app shows it."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e21:
        return str(int(v))
    return str(v)


def _as_text(v: Any) -> str | None:
    """A menu item's label or a plugin's name as text; a number or ``true``/``false`` written
    without quotes (``42``) as the app shows it.

    Why: read as None, such a label showed in the form as "set by the plugin while it runs", and
    such a name as an empty Name, neither of which the file says. Shown as "42", the file still
    keeps the number until it is changed (a field equal to what was loaded keeps its raw JSON);
    PD102's fix writes it as text.
    """
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return number_text(v)
    return _as_str(v)


def _as_str_list(v: Any) -> list[str] | None:
    if isinstance(v, list):
        return [x for x in v if isinstance(x, str)]
    return None


def _with_others(written: list[Any], texts: list[str]) -> list[Any]:
    """``texts`` (the field, which holds only the file's texts) with the file's other entries
    (``5``, ``null``, an object) put back where the file had them.

    Why: the field leaves them out, and a platform ticked in the form wrote the list without
    them: the file lost entries the user never touched (the checks still name them)."""
    out = list(texts)
    for at, x in enumerate(written):
        if not isinstance(x, str):
            out.insert(min(at, len(out)), x)
    return out


def _snapshot(value: Any) -> Any:
    """A deep copy of a field value, so a later in-place edit of the field cannot change it.

    Why not always :func:`copy.deepcopy`: loading takes a snapshot of every field of every
    model object, and nearly all of them are strings, numbers, booleans, ``None`` or lists of
    strings, for which this is the same copy at a fraction of the cost (``copy`` itself is
    only imported for anything else).
    """
    kind = type(value)
    if value is None or kind is str or kind is int or kind is float or kind is bool:
        return value
    if kind is list and all(type(x) is str for x in value):
        return list(value)
    import copy

    return copy.deepcopy(value)


class _OBJECT:
    """What a model object was read from when that was a JSON object (or when it was made here):
    a plain None cannot say it, since a file or an entry that is JSON ``null`` must be kept as
    null. A class, not an ``object()``: the undo snapshots deep-copy the model, and a class is
    copied as itself."""


class _JsonBacked:
    """Mixin: ``to_json`` = ``raw`` with changed fields written over it.

    Subclasses list ``_FIELDS`` as (attribute, json key) pairs and call ``_remember()`` after
    loading. A field equal to what was loaded keeps its raw JSON (even of an unexpected type);
    a ``None`` field whose key was absent stays absent.
    """

    _FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()
    raw: dict[str, Any]
    _loaded: dict[str, Any]

    def _encode(self, attr: str) -> Any:
        return _snapshot(getattr(self, attr))

    def _remember(self, original: Any = _OBJECT) -> None:
        self._loaded = {attr: self._encode(attr) for attr, _ in self._FIELDS}
        self._original = original

    def set_written(self, attr: str, value: str | None) -> None:
        """Set ``attr`` to ``value`` (text the user typed, or null they chose): written as it is,
        also where the file holds what reads as the same as another kind of value (``42``, shown
        as "42": see :func:`_as_text`; a list, read as None).

        Why: typed again, "42" read as the value loaded, so the file kept the number (and PD102)
        while the user had written text; their edit was lost. Null over a list was lost so too.
        """
        setattr(self, attr, value)
        key = dict(self._FIELDS)[attr]
        original = getattr(self, "_original", _OBJECT)
        if original is not _OBJECT and not isinstance(original, dict):
            # An entry written as no object (an item "record") becomes the object of what was set:
            # null too, which read as the label loaded, so the text was kept and the tick was lost.
            self.raw = {key: value}
            self._remember()
            return
        loaded = getattr(self, "_loaded", {})
        # (only then: a value that reads otherwise is written anyway, and one set back to the file's
        # own stays as unchanged as it is, so a step that came back to it changes nothing)
        if attr in loaded and same_json(loaded[attr], value) and type(self.raw.get(key)) is not type(value):
            del loaded[attr]  # (a field not as loaded is written)

    def to_json(self) -> Any:
        out = dict(self.raw)
        loaded = getattr(self, "_loaded", {})
        changed = False
        for attr, key in self._FIELDS:
            value = self._encode(attr)
            if attr in loaded and same_json(loaded[attr], value):
                continue
            changed = True
            if value is None and key not in out:
                continue
            out[key] = value
        original = getattr(self, "_original", _OBJECT)
        if not changed and original is not _OBJECT and not isinstance(original, dict):
            return original  # a malformed entry (a string, a number, null) survives untouched
        return out

    def mark_saved(self) -> None:
        out = self.to_json()
        if isinstance(out, dict):
            self.raw = out
            self._remember(out)


@dataclass(eq=False)
class MenuItem(_JsonBacked):
    """One button or menu entry: the action it runs, its icon and its label."""

    action: str | None = None
    icon: str | None = None
    label: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    _FIELDS = (("action", "action"), ("icon", "icon"), ("label", "label"))

    @classmethod
    def from_json(cls, raw: Any) -> MenuItem:
        original = raw
        raw = raw if isinstance(raw, dict) else {}
        item = cls(_as_str(raw.get("action")), _as_str(raw.get("icon")), _as_text(raw.get("label")), dict(raw))
        item._remember(original)
        return item

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        # A new item is written in the documented key order: icon, label, action.
        if not self.raw and isinstance(out, dict):
            return {k: out[k] for k in ("icon", "label", "action") if k in out} | {
                k: v for k, v in out.items() if k not in ("icon", "label", "action")
            }
        return out


@dataclass(eq=False)
class PluginPackage(_JsonBacked):
    """The ``*.plugin.package.json`` file."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    version: Any = None  # number or string, kept as written
    src_url: str | None = None
    allow_unload: bool | None = None
    platforms: list[str] | None = None
    participant_roles: list[str] | None = None
    menu_items: dict[str, list[MenuItem]] | None = None  # None: key absent
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    _FIELDS = (
        ("id", "id"),
        ("name", "name"),
        ("description", "description"),
        ("version", "version"),
        ("src_url", "srcURL"),
        ("allow_unload", "allowUnload"),
        ("platforms", "platforms"),
        ("participant_roles", "participantRoles"),
        ("menu_items", "menuItems"),
    )

    def _encode(self, attr: str) -> Any:
        if attr == "menu_items":
            if self.menu_items is None:
                return None
            return {sec: self._encode_section(sec, items) for sec, items in self.menu_items.items()}
        value = super()._encode(attr)
        if attr in ("platforms", "participant_roles") and isinstance(value, list):
            written = self.raw.get("platforms" if attr == "platforms" else "participantRoles")
            if isinstance(written, list) and not all(isinstance(x, str) for x in written):
                value = _with_others(written, value)
        return value

    def _encode_section(self, sec: str, items: list[MenuItem]) -> Any:
        """A placement's items; a placement the file holds as no list (``"conference": "x"``, read
        as no items) as written while it has none.

        Why: typing a label of another placement's item rewrote the whole menuItems, and the text
        became ``[]``: what the file held there was lost, with nothing the user did to it.
        """
        written = self.raw.get("menuItems")
        held = written.get(sec, []) if isinstance(written, dict) else []
        if not items and not isinstance(held, list):
            return _snapshot(held)
        return [mi.to_json() for mi in items]

    @classmethod
    def from_json(cls, raw: Any) -> PluginPackage:
        original = raw
        raw = raw if isinstance(raw, dict) else {}
        menu: dict[str, list[MenuItem]] | None = None
        mraw = raw.get("menuItems")
        if isinstance(mraw, dict):
            menu = {
                sec: [MenuItem.from_json(i) for i in items] if isinstance(items, list) else []
                for sec, items in mraw.items()
            }
        allow = raw.get("allowUnload")
        pkg = cls(
            id=_as_str(raw.get("id")),
            name=_as_text(raw.get("name")),
            description=_as_str(raw.get("description")),
            version=raw.get("version"),
            src_url=_as_str(raw.get("srcURL")),
            allow_unload=allow if isinstance(allow, bool) else None,
            platforms=_as_str_list(raw.get("platforms")),
            participant_roles=_as_str_list(raw.get("participantRoles")),
            menu_items=menu,
            raw=dict(raw),
        )
        pkg._remember(original)
        return pkg

    def mark_saved(self) -> None:
        super().mark_saved()
        for items in (self.menu_items or {}).values():
            for mi in items:
                mi.mark_saved()

    @property
    def sections(self) -> list[str]:
        return list(self.menu_items or {})

    @property
    def section(self) -> str | None:
        """The single placement, or None for event-only plugins (or several placements)."""
        secs = self.sections
        return secs[0] if len(secs) == 1 else None

    def items(self) -> list[tuple[str, int, MenuItem]]:
        return [(sec, i, mi) for sec, lst in (self.menu_items or {}).items() for i, mi in enumerate(lst)]


@dataclass(eq=False)
class SettingsEntry(_JsonBacked):
    """One ``{id, srcURL, enabled}`` entry of settings.json's ``plugins`` list."""

    id: str | None = None
    src_url: str | None = None
    enabled: bool | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    _FIELDS = (("id", "id"), ("src_url", "srcURL"), ("enabled", "enabled"))

    @classmethod
    def from_json(cls, raw: Any) -> SettingsEntry:
        original = raw
        raw = raw if isinstance(raw, dict) else {}
        en = raw.get("enabled")
        e = cls(_as_str(raw.get("id")), _as_str(raw.get("srcURL")), en if isinstance(en, bool) else None, dict(raw))
        e._remember(original)
        return e

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        if not self.raw and isinstance(out, dict):  # new entries in the documented order
            return {k: out[k] for k in ("id", "srcURL", "enabled") if k in out}
        return out


@dataclass(eq=False)
class Manifest(_JsonBacked):
    """manifest.json: the brandingID clients cache by, and whether settings.json counts."""

    branding_id: Any = None  # number or string of digits, kept as written
    is_settings_branded: Any = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    _FIELDS = (("branding_id", "brandingID"), ("is_settings_branded", "isSettingsBranded"))

    @classmethod
    def from_json(cls, raw: Any) -> Manifest:
        original = raw
        raw = raw if isinstance(raw, dict) else {}
        m = cls(raw.get("brandingID"), raw.get("isSettingsBranded"), dict(raw))
        m._remember(original)
        return m


@dataclass(eq=False)
class Settings:
    """settings.json: the plugin list plus every other app setting, kept as is."""

    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    original: Any = field(default=_OBJECT, repr=False)  # the document when it is not an object (null too)

    @classmethod
    def from_json(cls, raw: Any) -> Settings:
        return cls(dict(raw) if isinstance(raw, dict) else {}, _OBJECT if isinstance(raw, dict) else raw)


@dataclass(eq=False)
class Plugin:
    """A plugin as the app sees it: its settings entry and the package file it points to."""

    entry: SettingsEntry
    package: PluginPackage | None = None
    package_path: str | None = None  # relative to webapp2/, None if srcURL unusable

    @property
    def source_path(self) -> str | None:
        """The JS file, relative to webapp2/: the package's srcURL *as edited*, resolved against
        the package file (a value kept from loading went stale when the form changed it)."""
        return self.resolve(self.package.src_url) if self.package is not None else None

    @property
    def folder(self) -> str | None:
        if self.package_path and "/" in self.package_path:
            return self.package_path.rsplit("/", 1)[0]
        return None

    @property
    def display_name(self) -> str:
        """The name shown and put in messages: one line (a name holding a CR or U+2028 broke the
        CLI's one-line-per-problem output). A name of spaces only counts as none, as an empty one:
        the plugin's row in the tree, its page's title and the messages were blank."""
        if self.package and self.package.name and self.package.name.strip():
            name = self.package.name
        else:
            name = self.entry.id or (self.package.id if self.package else None) or "(unnamed plugin)"
        if not isinstance(name, str):
            return str(name)
        return one_line(name)

    @property
    def key(self) -> str:
        """Stable name for grouping problems: the settings id, else the package path."""
        return self.entry.id or self.package_path or "?"

    def resolve(self, url: str | None) -> str | None:
        """A path relative to this plugin's package file, as a webapp2-relative path."""
        if not url or not self.package_path:
            return None
        return normalize(self.package_path, url)


_ATOMS = frozenset({str, int, float, bool, type(None)})


def model_copy(value: _T) -> _T:
    """A deep copy of model parts (a list of plugins, the settings, the manifest), as
    :func:`copy.deepcopy` makes it: an object or a list shared inside ``value`` is one object in
    the copy too.

    Why not :func:`copy.deepcopy` itself: every edit takes a copy of the model before and after it
    (the undo step, see ``gui/commands.py``), and deepcopy goes through ``__reduce_ex__`` for each
    model object and a dispatch for each value; with 100 plugins of 18 menu items that was some
    40 ms for each copy, twice at every keystroke in a form. The model's own classes, dicts and
    lists are copied here directly (about three times as fast); anything else is left to deepcopy,
    with the same memo.
    """
    return _copied(value, {})


def _copied(x: Any, memo: dict[int, Any]) -> Any:
    kind = type(x)
    if kind in _ATOMS:
        return x
    done = memo.get(id(x))
    if done is not None:
        return done
    if kind is dict:
        out: Any = {}
        memo[id(x)] = out
        for k, v in x.items():
            out[k if type(k) in _ATOMS else _copied(k, memo)] = v if type(v) in _ATOMS else _copied(v, memo)
        return out
    if kind is list:
        out = []
        memo[id(x)] = out
        out.extend(v if type(v) in _ATOMS else _copied(v, memo) for v in x)
        return out
    if kind in _MODEL_CLASSES:
        out = object.__new__(kind)
        memo[id(x)] = out
        out.__dict__.update(_copied(x.__dict__, memo))
        return out
    import copy

    return copy.deepcopy(x, memo)


def modelled_names(plugins: list[Plugin], settings: Settings | None, manifest: Manifest | None) -> set[str]:
    """The JSON files a model of these parts writes (also for an undo snapshot of them)."""
    out = {p.package_path for p in plugins if p.package is not None and p.package_path}
    if settings is not None:
        out.add("settings.json")
    if manifest is not None:
        out.add("manifest.json")
    return out


_MODEL_CLASSES = frozenset({MenuItem, PluginPackage, SettingsEntry, Manifest, Settings, Plugin})


@dataclass(eq=False)
class BrandingPackage:
    """A whole branding package: its files, the loaded JSON documents and the plugins they list."""

    files: PackageFiles
    settings: Settings | None = None
    manifest: Manifest | None = None
    plugins: list[Plugin] = field(default_factory=list)
    docs: dict[str, JsonDocument] = field(default_factory=dict)
    load_problems: list[Problem] = field(default_factory=list)
    _pending: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    # A file being typed in whose text is read only when needed: (path, fetch, thread id); see defer_text.
    _deferred: tuple[str, Callable[[], str], int] | None = field(default=None, init=False, repr=False)
    # Per thread (its id): what remembered() made while unchanging() lasts in that thread.
    _unchanging: dict[int, dict[str, Any]] = field(default_factory=dict, init=False, repr=False)

    @property
    def pending_texts(self) -> dict[str, str | None]:
        """Files changed in the designer but not saved yet: path -> new text, or None for a file to
        delete (it goes to the project's trash on save). Bytes that are not UTF-8 (an image of a
        removed plugin) travel as surrogate escapes, see :func:`text_bytes`.

        A text deferred with :meth:`defer_text` is read in first, so every reader (the checks,
        the save, the recovery copy, an undo step) sees the text as it is now.
        """
        if self._deferred is not None:
            self.take_deferred()
        return self._pending

    @pending_texts.setter
    def pending_texts(self, texts: dict[str, str | None]) -> None:
        if self._deferred is not None:
            self.take_deferred()  # whoever gave the deferred text learns it before the texts are replaced
        self._pending = texts

    def defer_text(self, rel: str, fetch: Callable[[], str]) -> None:
        """``rel``'s new text is ``fetch()``, read when :attr:`pending_texts` is next read.

        Why: typing changes a file on every keystroke, and reading a 10,000-line text out of the
        editor costs about 2 ms, ten times the keystroke itself; the checks, the recovery copy
        and the save need it only once typing pauses. ``fetch`` is called at most once, on the
        thread that deferred (another thread reading meanwhile sees the text before the typing).
        """
        if self._deferred is not None and self._deferred[0] != rel:
            self.take_deferred()
        self._deferred = (rel, fetch, _thread.get_ident())

    def take_deferred(self) -> None:
        """Read a text deferred with :meth:`defer_text` in now (nothing when there is none)."""
        deferred = self._deferred
        if deferred is None or deferred[2] != _thread.get_ident():
            return
        self._deferred = None
        self._pending[deferred[0]] = deferred[1]()

    def deferred_file(self) -> str | None:
        """The file whose text :meth:`defer_text` holds back, if any (asking does not read it)."""
        return self._deferred[0] if self._deferred is not None else None

    @property
    def root(self) -> Path | None:
        return self.files.root if isinstance(self.files, DirFiles) else None

    def plugin_by_id(self, pid: str) -> Plugin | None:
        return next((p for p in self.plugins if p.entry.id == pid), None)

    def exists(self, rel: str) -> bool:
        """Whether the file is part of the package as edited (unsaved additions and deletions count)."""
        if self._deferred is not None and self._deferred[0] == rel:
            return True  # being typed in: a text, whatever it is (not read for this)
        if rel in self.pending_texts:
            return self.pending_texts[rel] is not None
        if self.files.exists(rel):
            return True
        return rel in self.remembered("modelled", self.modelled_files)

    @contextmanager
    def unchanging(self) -> Iterator[None]:
        """For a while in which the model and the files do not change (a check): what
        :meth:`remembered` makes is made once.

        Why: a file that is not on disk is looked for among the files the model writes (see
        :meth:`exists`), and that list was made again each time, from every plugin: a check of
        3,000 plugins with some hundred missing icons went through the plugins some thousand
        times (time in the square of their number).

        Per thread: a check on another thread (a deploy's own) neither sees this one's lists nor
        ends them, and a check that ends never leaves its lists to the window's thread, where the
        model is edited; one shared slot could, when two checks overlapped and ended out of order.
        """
        me = _thread.get_ident()
        before = self._unchanging.get(me)
        self._unchanging[me] = {}
        try:
            yield
        finally:
            if before is None:
                self._unchanging.pop(me, None)
            else:
                self._unchanging[me] = before

    def remembered(self, key: str, make: Callable[[], _T]) -> _T:
        """``make()``, made once while :meth:`unchanging` lasts in this thread (``key`` names it), else each time."""
        memo = self._unchanging.get(_thread.get_ident())
        if memo is None:
            return make()
        if key not in memo:
            memo[key] = make()
        return memo[key]

    def modelled_files(self) -> set[str]:
        """The JSON files written from the model on save (whether or not they exist yet)."""
        return modelled_names(self.plugins, self.settings, self.manifest)

    def read_bytes(self, rel: str) -> bytes:
        """A file as the checks and the export must see it: an unsaved edit wins over the disk."""
        if rel in self.pending_texts:
            pending = self.pending_texts[rel]
            if pending is None:
                raise FileNotFoundError(2, "deleted in the designer", rel)
            return text_bytes(pending)
        return self.files.read_bytes(rel)

    def read_text(self, rel: str) -> str:
        if rel in self.pending_texts:
            pending = self.pending_texts[rel]
            if pending is None:
                raise FileNotFoundError(2, "deleted in the designer", rel)
            return pending
        return self.files.read_bytes(rel).decode("utf-8")

    def read_editable_text(self, rel: str) -> str:
        """:meth:`read_text`, refusing (``UnicodeDecodeError``, as for the file on disk) an unsaved
        text that holds bytes that are no UTF-8 (kept as surrogate escapes, see :func:`bytes_text`).

        Why: undoing "Save it as UTF-8" of the file on show gave its Latin-1 bytes back as such a
        text, and the editors, which cannot show it, failed with an error instead of saying so.
        """
        text = self.read_text(rel)
        if rel in self.pending_texts and not text.isascii():
            text_bytes(text).decode("utf-8")  # (raises for those bytes)
        return text

    def case_match(self, rel: str) -> str | None:
        """The file of the package as edited whose name equals ``rel`` ignoring case (``rel``
        itself when it exists). A file deleted in the designer is no match (undoing a fix that
        made it again called the deleted file "stored as" itself); one added and unsaved is."""
        if self.exists(rel):
            return rel
        found = self.files.case_match(rel)
        if found is not None and self.exists(found):
            return found
        # Indexed once per check (see unchanging): each missing name went through every unsaved
        # file, and fix rounds with many edited and many missing files took time in their product.
        return self.remembered("pending case index", self._pending_case_index).get(clash_key(rel))

    def _pending_case_index(self) -> dict[str, str]:
        """The unsaved files (not those deleted) by their name ignoring case; the first one wins."""
        index: dict[str, str] = {}
        for name, text in self.pending_texts.items():
            if text is not None:
                index.setdefault(clash_key(name), name)
        return index

    def names(self) -> list[str]:
        """Every file of the package as edited, sorted."""
        out = set(self.files.names())
        for rel, text in self.pending_texts.items():
            (out.add if text is not None else out.discard)(rel)
        return sorted(out)

    def settings_json(self) -> Any:
        """settings.json as it should be written: other keys untouched, plugins from the model."""
        if self.settings is None:
            return None
        if self.settings.original is not _OBJECT and not self.plugins:
            return self.settings.original
        out = dict(self.settings.raw)
        if isinstance(out.get("plugins"), list) or self.plugins:
            out["plugins"] = [p.entry.to_json() for p in self.plugins]
        return out


def text_bytes(text: str) -> bytes:
    """Bytes of a pending text: UTF-8, with surrogate escapes turned back into the raw bytes they stand for."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def bytes_text(data: bytes) -> str:
    """The inverse of :func:`text_bytes`: any bytes, held losslessly in a pending text."""
    return data.decode("utf-8", "surrogateescape")


def _decode(files: PackageFiles, rel: str, problems: list[Problem], plugin: str | None = None) -> str | None:
    try:
        data = files.read_bytes(rel)
    except OSError as exc:
        problems.append(make("PD105", rel, f"{rel} cannot be read: {exc.strerror or exc}.", plugin=plugin))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from .lineends import byte_position, not_utf8_message  # (only for a file that is not UTF-8)

        line, col = byte_position(data, exc.start)  # in characters, lines as the editor shows them
        problems.append(
            make(
                "PD103",
                rel,
                not_utf8_message(rel, data, exc.start),
                line,
                col,
                fix=save_as_utf8_fix(rel, data),
                plugin=plugin,
            )
        )
        return None


def save_as_utf8_fix(rel: str, data: bytes) -> Fix | None:
    """PD103's Fix for ``rel`` (its bytes ``data``) when it is UTF-16 (Notepad's "Unicode"): the
    same text written as UTF-8. Why: the message sent the user to Notepad for what is certain,
    and the designer cannot show such a file to mend it there."""
    from .lineends import utf16_text, windows_1252_text

    if utf16_text(data) is not None:
        return Fix("save-as-utf8", "Save it as UTF-8", {"file": rel})
    text = windows_1252_text(data)
    if text is None:
        return None
    # The first word read so, for the person to judge the guess ('på', not 'pÃ¥' or 'p\ufffd').
    at = next(i for i, c in enumerate(text) if not c.isascii())
    start, end = at, at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start : max(end, at + 1)][:20]
    return Fix(
        "save-as-utf8",
        f"Save it as UTF-8, read as Windows-1252 ('{word}')",
        {"file": rel, "encoding": "cp1252"},
        batch=False,
    )


def _load_json(pkg: BrandingPackage, rel: str, plugin: str | None = None) -> JsonDocument | None:
    # An unsaved text of the file is the file as edited. Why: a package file's slips fixed while
    # settings.json could not be read are a text waiting for the save (see fixes._repair_slips);
    # read from the disk, the plugin came back with its mistake once settings.json was fixed,
    # and its Fix then found none to remove.
    pending = pkg.pending_texts.get(rel)
    text = pending if pending is not None else _decode(pkg.files, rel, pkg.load_problems, plugin)
    if text is None:
        return None
    return _read_json(pkg, rel, text, plugin)


# The Fix button of each slip PD100 can repair (see jsonfile.find_slip), by the fixer's kind.
SLIP_FIXES = {
    "remove-trailing-comma": "Remove the comma after the last entry",
    "add-missing-comma": "Add the missing comma",
    "use-double-quotes": "Use double quotes",
    "straighten-quotes": "Use straight quotes",
    "remove-comments": "Remove the comments",
    "quote-names": "Put the names in double quotes",
    "lowercase-constants": "Write true, false and null in small letters",
    "double-backslashes": "Double the backslashes",
    "add-missing-colon": "Add the missing colon",
    "escape-tabs-and-line-breaks": "Write the tabs and line breaks as \\t and \\n",
    "add-missing-bracket": "Add the missing bracket at the end",
}


def _read_json(pkg: BrandingPackage, rel: str, text: str, plugin: str | None = None) -> JsonDocument | None:
    """``text`` as ``rel``'s document, or None with a PD100 in ``pkg.load_problems``.

    A PD100 whose first mistake is a slip people make when they edit the file by hand offers a
    Fix, and says where and what to change: such a slip hides every plugin. A comma after the
    last entry (the vendor guide's own broken sample) is offered whatever comes after it, as it
    always was; any other slip only when repairing it and each slip after it makes the file
    read, so that a Fix is never offered for a guess (a quote left open looks like a missing
    comma to the decoder).
    """
    try:
        doc = JsonDocument(text)
    except JsonSyntaxError as exc:
        from .jsonfile import SLIP_MESSAGES, repair_slips
        from .lineends import line_col

        fix = None
        message, line, column = exc.message, exc.line, exc.column
        _, done, left = repair_slips(text)
        if done and (done[0][0] == "remove-trailing-comma" or left is None):
            kind, at = done[0]
            fix = Fix(kind, SLIP_FIXES[kind], {"file": rel})
            message = SLIP_MESSAGES[kind]
            line, column = line_col(text[1:] if text.startswith("\ufeff") else text, at)
        pkg.load_problems.append(
            make(
                "PD100",
                rel,
                f"{rel} is not valid JSON: {message}.",
                line,
                column,
                fix=fix,
                plugin=plugin,
            )
        )
        return None
    pkg.docs[rel] = doc  # a name written twice (PD101) is the checks' to say: its fix edits this document
    return doc


def reread_json(pkg: BrandingPackage, rel: str, text: str) -> bool:
    """Read ``text`` as the JSON file ``rel`` that could not be read when ``pkg`` was opened:
    its model (manifest, settings and the plugins it lists, or a plugin's package) comes back
    and its PD100 goes; when it still cannot be read, its PD100 says where now. Whether it reads.

    Why in place rather than loading the package again: a fix of the file's text is one undo
    step, and loading afresh would drop the window's whole undo history with it.
    """
    owner = next((p for p in pkg.plugins if p.package_path == rel), None)
    pkg.load_problems[:] = [p for p in pkg.load_problems if not (p.file == rel and p.code in _UNREADABLE)]
    doc = _read_json(pkg, rel, text, owner.key if owner is not None else None)
    if doc is None:
        return False
    if rel == "manifest.json":
        pkg.manifest = Manifest.from_json(doc.data)
    elif rel == "settings.json":
        pkg.settings = Settings.from_json(doc.data)
        pkg.plugins[:] = _listed_plugins(pkg)
    for plugin in pkg.plugins:
        if plugin.package_path == rel:
            plugin.package = PluginPackage.from_json(doc.data)
    return True


def load(path: Path | str | PackageFiles) -> BrandingPackage:
    """Open a project folder, a webapp2 folder or a branding ZIP as a :class:`BrandingPackage`.

    Files that cannot be read become ``load_problems`` (PD100/PD103) rather than exceptions:
    a broken settings.json is the very thing the user needs us to show them.
    """
    files = path if isinstance(path, PackageFiles) else locate(Path(path))
    pkg = BrandingPackage(files)
    pkg.load_problems.extend(_legacy_name_problems(files))
    pkg.load_problems.extend(_differing_name_problems(files))
    pkg.load_problems.extend(_designer_folder_problems(files))
    if files.exists("manifest.json"):
        doc = _load_json(pkg, "manifest.json")
        if doc is not None:
            pkg.manifest = Manifest.from_json(doc.data)
    if files.exists("settings.json"):
        doc = _load_json(pkg, "settings.json")
        if doc is not None:
            pkg.settings = Settings.from_json(doc.data)
            pkg.plugins[:] = _listed_plugins(pkg)
    return pkg


def _legacy_name_problems(files: PackageFiles) -> list[Problem]:
    """One PD108 for the files of a ZIP whose names were read from a Windows code page (none for a folder).

    Why at load: the name is the ZIP's, not a file's content; a check that reads the files never
    sees it. Why one for the whole ZIP: the code page is one choice for the archive, and a package
    of hundreds of such names buried every other problem under as many lines saying the same; the
    first names are examples, and the import (``legacy_names`` in its ``--json``) lists them all.
    It stands at the first of them, so the Problems dock opens a file that has the name. Files
    outside the package (another app's folder beside webapp2/) are not its problems.
    """
    legacy = getattr(files, "legacy", None)
    if legacy is None or not legacy.names:
        return []
    from .codepages import legacy_name_note

    prefix: str = getattr(files, "prefix", "")
    names = [name[len(prefix) :] for name in legacy.names if name.startswith(prefix) and not name.endswith("/")]
    if not names:
        return []
    return [
        make(
            "PD108",
            names[0],
            legacy_name_note(names, legacy.code_page, legacy.basis),
            severity=Severity.WARNING if legacy.basis == "default" else None,
        )
    ]


def _differing_name_problems(files: PackageFiles) -> list[Problem]:
    """One PD109 for the files of a ZIP stored under another name than the one its Unicode Path
    field gives (stored 'a.svg', field 'b.svg'); none for a folder.

    Why: the designer reads the field's name, but other unzip tools, perhaps the Management Node,
    read the stored one; only the import said so, and check of the same ZIP said nothing. One for
    the whole ZIP, at the first of them, as PD108 is (see :func:`_legacy_name_problems`).
    """
    legacy = getattr(files, "legacy", None)
    if legacy is None or not legacy.differing:
        return []
    from .archive import differing_names_shown

    prefix: str = getattr(files, "prefix", "")
    pairs = [
        (name[len(prefix) :], stored[len(prefix) :] if stored.startswith(prefix) else stored)
        for name, stored in legacy.differing
        if name.startswith(prefix) and not name.endswith("/")
    ]
    if not pairs:
        return []
    one = len(pairs) == 1
    return [
        make(
            "PD109",
            pairs[0][0],
            f"{'The file' if one else 'The files'} {differing_names_shown(pairs)} {'is' if one else 'are'} named "
            "by the Unicode name the ZIP keeps beside the stored one, which is another name: the designer reads "
            "the Unicode name, but other unzip tools, perhaps the Management Node, read the stored one and would "
            f"not find {'it' if one else 'them'} by the name the package uses. Import the ZIP and upload a ZIP "
            "the designer exports: it stores one name for each file.",
        )
    ]


def _designer_folder_problems(files: PackageFiles) -> list[Problem]:
    """PD110 when a file stands where the designer keeps the project's own folder (``.plugin-designer``
    beside webapp2/): in a project folder a warning (the export refuses, and so does a save that
    moves a removed plugin to its trash), in a ZIP a note (the import refuses it).

    Why: ``check`` and the designer read such a package without a word (the package itself is
    whole), and the refusal came only when the user went on to import or export it.
    """
    from .state import STATE_DIR

    if isinstance(files, DirFiles):
        folder = files.project / STATE_DIR
        if not os.path.lexists(folder) or folder.is_dir():
            return []
        where = os.path.relpath(folder, files.root).replace(os.sep, "/")
        return [
            make(
                "PD110",
                where,
                f"{STATE_DIR} beside webapp2/ is a file, but the designer keeps its own folder there (the "
                "brandingID of the last export, which the next one must exceed, and the files of removed "
                "plugins): exporting this project is refused, and so is a save that removes a plugin. Rename or "
                "move that file away (it is not part of the package: the export sends only webapp2/).",
            )
        ]
    clash = getattr(files, "import_clash", None)
    if clash is None:
        return []
    name, why = clash
    prefix: str = getattr(files, "prefix", "")
    where = posixpath.relpath(name.rstrip("/"), prefix.rstrip("/") or ".")
    return [
        make(
            "PD110",
            where,
            f"Importing this ZIP into a folder to edit it is refused: {why[0].lower()}{why[1:]} Checking it and "
            "opening it read-only are not affected.",
            severity=Severity.INFO,
        )
    ]


def _listed_plugins(pkg: BrandingPackage) -> list[Plugin]:
    """The plugins settings.json lists under "plugins", loaded; none when that is not a list."""
    entries = pkg.settings.raw.get("plugins") if pkg.settings is not None else None
    return [_load_plugin(pkg, SettingsEntry.from_json(raw)) for raw in (entries if isinstance(entries, list) else [])]


def is_package_file_name(rel: str) -> bool:
    """Whether ``rel`` is named like a plugin package file in the plugins folder."""
    return rel.startswith("plugins/") and (
        rel.endswith(".plugin.package.json") or rel.rsplit("/", 1)[-1] == "plugin.json"
    )


def found_on_disk(pkg: BrandingPackage) -> BrandingPackage:
    """A copy of ``pkg`` for the checks whose plugins are the plugin package files found in its
    plugins folder, each as if settings.json listed it (with no id of its own).

    Why: while settings.json cannot be read the package has no plugins at all, so a check
    reported that one file and nothing about the plugins' own files; the user fixed it, checked
    again and got a new list. ``pkg`` is left as it is: its documents, problems and plugins are
    not shared with the copy (the copy's PD100s for package files are in its ``load_problems``).
    """
    import copy

    pkg.take_deferred()  # (a text being typed read in now: the copy shares the unsaved texts)
    view = copy.copy(pkg)
    view.plugins = []
    view.docs = dict(pkg.docs)
    view.load_problems = []
    view._unchanging = {}
    for rel in package_files_on_disk(pkg):
        view.plugins.append(_load_plugin(view, SettingsEntry.from_json({"srcURL": rel})))
    return view


def package_files_on_disk(pkg: BrandingPackage) -> list[str]:
    """The plugin package files in ``pkg``'s files, whatever settings.json lists: the plugins the
    checks look at while settings.json cannot be read or has no plugin list the app reads (see
    :func:`found_on_disk`)."""
    return [rel for rel in pkg.names() if is_package_file_name(rel)]


def not_a_package_file(pkg: BrandingPackage, rel: str) -> bool:
    """Whether ``rel``, named by a settings.json srcURL, is plainly some other file (the plugin's
    .js, an icon) rather than a plugin package file.

    Why: parsing the source as JSON reported "x.plugin.js is not valid JSON" on the JS file,
    which sends the user to the wrong file, and the fixes then listed the real package file a
    second time. A file named *.json, or whose text starts like a JSON object, is still read as
    one (its errors are then the file's own).
    """
    if rel.lower().endswith(".json") or not pkg.files.exists(rel):
        return False
    try:
        head = pkg.files.read_bytes(rel)[:4096]
    except OSError:
        return False  # the loader reports the unreadable file
    return not head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def _load_plugin(pkg: BrandingPackage, entry: SettingsEntry) -> Plugin:
    plugin = Plugin(entry)
    if entry.src_url:
        plugin.package_path = normalize("", entry.src_url)
    if plugin.package_path and pkg.files.exists(plugin.package_path):
        if not_a_package_file(pkg, plugin.package_path):
            return plugin  # settings.json's check says what the entry should point to (PD208)
        doc = _load_json(pkg, plugin.package_path, plugin.key)
        if doc is not None:
            plugin.package = PluginPackage.from_json(doc.data)
    return plugin


def _modelled_values(pkg: BrandingPackage) -> Iterator[tuple[str, Any]]:
    """Each JSON file the model writes, with the value it writes there."""
    if pkg.manifest is not None:
        yield "manifest.json", pkg.manifest.to_json()
    if pkg.settings is not None:
        yield "settings.json", pkg.settings_json()
    for p in pkg.plugins:
        if p.package is not None and p.package_path:
            yield p.package_path, p.package.to_json()


def sync_documents(pkg: BrandingPackage) -> None:
    """Bring each JSON document the model writes in line with the model (the text Save writes).

    Why: the checks tell a problem's line from these documents. A save brings them in line, but
    undo gives back the model of before, not the text: after Save then Undo, a problem in
    settings.json was placed by the saved text, where its name or entry no longer is (line 1,
    or another entry's line). A file not written yet keeps no document: its problems have no line.
    """
    for rel, value in _modelled_values(pkg):
        doc = pkg.docs.get(rel)
        if doc is not None:
            doc.apply(value)


def pending_writes(pkg: BrandingPackage, unreadable_differs: bool = False) -> dict[str, bytes]:
    """What :func:`save` would write: every file whose new bytes differ from the old ones.

    ``unreadable_differs``: a file that cannot be read to compare (a folder or a link put in its
    place, its permissions taken away) counts as changed instead of raising. Why for the recovery
    copy: there one such file stopped the copy of every edit, and a crash then lost them all;
    Save still raises, to say why it cannot write there."""
    out: dict[str, bytes] = {}
    for rel, value in _modelled_values(pkg):
        doc = pkg.docs.get(rel)
        if doc is None:  # a file we create: written in our house style
            doc = pkg.docs[rel] = JsonDocument.new(value)
        else:
            doc.apply(value)
        data = doc.dumps().encode("utf-8")
        if _differs_on_disk(pkg, rel, data, unreadable_differs):
            out[rel] = data
    modelled = pkg.modelled_files()
    for rel, text in pkg.pending_texts.items():
        if text is None or rel in modelled:  # JSON files are written from the model above
            continue
        data = text_bytes(text)
        if _differs_on_disk(pkg, rel, data, unreadable_differs):
            out[rel] = data
    return out


def _differs_on_disk(pkg: BrandingPackage, rel: str, data: bytes, unreadable_differs: bool = False) -> bool:
    """Whether ``rel`` must be written: absent, or other bytes. A file another program deleted
    since the package was opened (the name index still lists it) is absent, not an error."""
    if not pkg.files.exists(rel):
        return True
    try:
        return pkg.files.read_bytes(rel) != data
    except FileNotFoundError:
        return True
    except OSError:
        if unreadable_differs:
            return True
        raise


def pending_deletes(pkg: BrandingPackage) -> list[str]:
    """Files :func:`save` would move to the trash: deleted in the designer and still on disk."""
    keep = pkg.modelled_files()
    return sorted(
        rel for rel, text in pkg.pending_texts.items() if text is None and rel not in keep and pkg.files.exists(rel)
    )


_UNREADABLE = ("PD100", "PD103", "PD105")  # not JSON, not UTF-8, not readable at all


def unreadable_files(pkg: BrandingPackage) -> set[str]:
    """The JSON files that could not be read when ``pkg`` was loaded (the model lacks them)."""
    return {p.file for p in pkg.load_problems if p.code in _UNREADABLE}


class UnreadableFileError(PermissionError):
    """Saving would overwrite a file the designer could not read (see :func:`save`)."""


def save(pkg: BrandingPackage, keep: Collection[str] = (), journal: str = "") -> list[str]:
    """Write changed files atomically; return the paths written (relative to webapp2/).

    An untouched package writes nothing at all. ``keep``: files left as they are on disk, whatever
    the model holds for them (another program changed them, and the user did not change them here).
    ``journal``: the write in words ("plugin-designer check --fix"), its renames noted with them in the
    project's designer folder first, so that a process killed half way has its write finished (and
    said) when the project is next opened (see files.atomic_write_all). For the command line (check
    --fix, new into a project), which keeps no recovery copy to offer the changes back: killed
    between two files, the project was half done.
    """
    if not isinstance(pkg.files, DirFiles):
        raise PermissionError(f"{pkg.files.label} is opened read-only; import it into a folder first")
    writes = {rel: data for rel, data in pending_writes(pkg).items() if rel not in keep}
    # A file that could not be read when the package was opened is only ever replaced by text
    # the user wrote for it: a model rebuilt without it (a settings.json made afresh) would drop
    # everything the unreadable file held.
    unreadable = unreadable_files(pkg)
    clobbered = sorted(rel for rel in writes if rel in unreadable and rel not in pkg.pending_texts)
    if clobbered:
        raise UnreadableFileError(
            f"{', '.join(clobbered)} could not be read when the package was opened, and saving would replace "
            "it with what the forms know, losing what it holds. Fix it in the editor (or outside) and reload first."
        )
    deletes = pending_deletes(pkg)
    # All of them or none, the trash included: a refused write or move changes nothing.
    from .state import STATE_DIR

    noted = pkg.files.project / STATE_DIR / WRITE_JOURNAL if journal else None
    pkg.files.write_many(writes, trash=deletes, journal=noted, doing=journal)
    mark_written(pkg)
    return sorted(writes) + deletes


def mark_written(pkg: BrandingPackage) -> None:
    """The model as it is now is what the project's files hold: nothing is pending any more.

    Why apart from :func:`save`: an export writes the same files (and the new brandingID), and
    the window then goes on with the model it has, undo history and all, instead of reading
    the project again (see ``export.take_export``).
    """
    pkg.pending_texts.clear()
    if pkg.manifest is not None:
        pkg.manifest.mark_saved()
    if pkg.settings is not None:
        saved = pkg.settings_json()
        if isinstance(saved, dict):  # an object now: read as one from here on
            pkg.settings.raw, pkg.settings.original = saved, _OBJECT
        # (A list, a text or null written back as it was stays that: taken as the raw object, it
        # broke the next check with an AttributeError.)
    for p in pkg.plugins:
        p.entry.mark_saved()
        if p.package is not None:
            p.package.mark_saved()
