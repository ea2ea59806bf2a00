"""Recipes: ready-made plugins a non-developer fills in with a short form.

Why data and not code: a recipe is a folder under ``resources/recipes/<name>/`` holding a
``recipe.json`` (title, description, placement, roles, icon and typed parameters) and Jinja2
templates for the package file, the JavaScript source and the SVG icons. The wizard, the CLI
(``plugin-designer new DIR --recipe NAME``) and the tests all go through :func:`render`, so they
create the same files.

Why the sandbox and the filters: answers are typed by users. Templates run in Jinja2's
sandbox with ``StrictUndefined`` (a misspelt variable is an error, never an empty string), and
user text reaches the generated files only through the ``js`` filter (a safe single-quoted JS
literal), the ``json`` filter (a JSON value), ``html`` (escaped text for dialog bodies) or
``comment`` (one line of a ``//`` comment), so
quotes, backslashes, newlines or ``</script>`` can never break out of a literal. Identifiers
are checked with :func:`is_identifier` before they are written as function names.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .behaviours import BEHAVIOURS, action_body
from .iconset import builtin_icon, builtin_icons
from .jsanalysis import LAYOUTS
from .jstext import comment_text, is_identifier, js_string, safe_id, typed_on_one_line
from .resources import resource

__all__ = [
    "LAYOUT_NAMES",
    "PARTICIPANT_PROPERTIES",
    "PLACEMENTS",
    "REST_REQUESTS",
    "Parameter",
    "Recipe",
    "RecipeError",
    "answer_problems",
    "check_rendered",
    "coerce_answers",
    "list_recipes",
    "load_recipe",
    "render",
    "validate_answers",
]

TYPES = (
    "text",
    "identifier",
    "choice",
    "boolean",
    "participant_property",
    "rest_request",
    "layout",
    "participant_action",  # what a participant menu item does (core/behaviours.py)
    "builtin_icon",  # one of the built-in icons (core/iconset.py), copied into the plugin
)
PLACEMENTS = {
    "toolbar": "a button in the toolbar",
    "conference": "an item in the conference menu",
    "participants": "an item in a participant's menu",
    "none": "no button (it works in the background)",
}
ROLE_NAMES = {"chair": "Hosts", "guest": "Guests"}
LAYOUT_NAMES = {
    "1:0": "One big speaker",
    "1:7": "One big speaker and up to 7 small",
    "2:21": "Two big speakers and up to 21 small",
    "1:33": "One big speaker and up to 33 small",
    "4:0": "Four equal tiles",
    "ac": "Adaptive composition (changes with who is talking)",
}
assert tuple(LAYOUT_NAMES) == LAYOUTS
PARTICIPANT_PROPERTIES = {
    "name": "display name",
    "role": "role (chair = Host, guest = Guest)",
    "uri": "address (URI)",
    "protocol": "how they called in (webrtc, sip, ...)",
    "callType": "call type (video, audio, api)",
    "serviceType": "where they are (conference, waiting room, ...)",
    "muted": "muted by a host",
    "presenting": "presenting now",
    "isStreaming": "recording or streaming",
    "startTime": "when they joined",
    "buzzTime": "when they raised their hand",
    "spotlight": "when they were spotlighted",
}
# Requests that need no payload, so a recipe can send them as they are.
REST_REQUESTS = {
    "conference": {
        "lock": "lock the meeting",
        "unlock": "unlock the meeting",
        "muteguests": "mute all guests",
        "unmuteguests": "unmute all guests",
        "clearallbuzz": "lower all raised hands",
    },
    "participant": {
        "mute": "mute the participant",
        "unmute": "unmute the participant",
        "video_muted": "turn off their camera",
        "video_unmuted": "turn on their camera",
        "clearbuzz": "lower their hand",
        "spotlighton": "spotlight them",
        "spotlightoff": "remove their spotlight",
    },
}
_BASE_NAMES = frozenset({"load", "unload", "id", "state$", "window", "PEX", "undefined", "NaN", "Infinity"})
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


class RecipeError(Exception):
    """A recipe folder that cannot be used (missing file, bad recipe.json, template error)."""


@dataclass
class Parameter:
    key: str
    type: str
    label: str
    description: str = ""
    default: Any = None
    required: bool = True
    max_length: int = 200
    pattern: str | None = None
    pattern_message: str = ""
    # A text shown as a message (a dialog's question, a chat message), which may hold line breaks;
    # any other text (a name, a menu item's text, a title) is one line (see :func:`~designer.core.jstext.typed_on_one_line`).
    multiline: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, plain-language label)
    scope: str = "conference"  # rest_request only
    # A boolean parameter that switches this one on (off: not asked, not checked); or "key:flag",
    # on while the choice ``key`` has the flag (see :meth:`option_flags`).
    when: str | None = None
    suggested_by: str | None = None  # a choice whose answer suggests this one's default (:meth:`suggestions`)
    adds_role: str | None = None  # a boolean that, while on, offers the plugin to this role as well
    when_source: Parameter | None = field(default=None, repr=False, compare=False)  # the choice of "key:flag"

    def options(self) -> list[tuple[str, str]]:
        """The values a choice-like parameter accepts, with what each means."""
        if self.type == "choice":
            return list(self.choices)
        if self.type == "layout":
            return [(k, f"{k}: {v}") for k, v in LAYOUT_NAMES.items()]
        if self.type == "participant_property":
            return [(k, f"{k}: {v}") for k, v in PARTICIPANT_PROPERTIES.items()]
        if self.type == "rest_request":
            return [(k, f"/{k}: {v}") for k, v in REST_REQUESTS[self.scope].items()]
        if self.type == "participant_action":
            return [(b.key, b.title) for b in BEHAVIOURS.values() if b.for_participant]
        if self.type == "builtin_icon":
            return [(i.name, i.title) for i in builtin_icons()]
        return []

    def option_flags(self, value: Any) -> frozenset[str]:
        """What the answer ``value`` of a choice brings with it (``"when": "key:flag"`` asks):
        for a participant action, "alias" (it needs a meeting), "self" (a guest may do it to
        themselves) and "disruptive"."""
        if self.type == "participant_action" and value in BEHAVIOURS:
            return BEHAVIOURS[value].flags()
        return frozenset()

    def suggestions(self, value: Any) -> dict[str, Any]:
        """The answers ``value`` suggests for other questions (by key): the menu text, the icon,
        whether to ask first, who gets it... for the participant action chosen."""
        if self.type == "participant_action" and value in BEHAVIOURS:
            return BEHAVIOURS[value].suggestions()
        return {}


@dataclass
class Recipe:
    name: str
    folder: Path
    title: str
    description: str
    placement: str
    roles: list[str]
    icon: str
    parameters: list[Parameter]
    package_template: str
    source_template: str
    icon_templates: list[str]
    reserved_names: list[str] = field(default_factory=list)

    @property
    def placement_text(self) -> str:
        return PLACEMENTS[self.placement]

    @property
    def roles_text(self) -> str:
        return " and ".join(ROLE_NAMES[r] for r in self.roles)

    def roles_text_for(self, answers: dict[str, Any]) -> str:
        """Who gets the plugin with these answers, in words ("Hosts and Guests"): what the wizard's
        heading says once "Guests get it too" is ticked (it said "for Hosts" whatever the answer)."""
        return " and ".join(ROLE_NAMES[r] for r in self.roles_for(self.complete(answers)))

    def roles_for(self, answers: dict[str, Any]) -> list[str]:
        """Who gets the plugin with these (complete) answers: the recipe's roles, and the role of
        each yes/no question that adds one (``adds_role``) while it is on and asked."""
        extra = [
            p.adds_role
            for p in self.parameters
            if p.adds_role and in_use(p, answers) and answers.get(p.key) is True and p.adds_role not in self.roles
        ]
        return list(self.roles) + list(dict.fromkeys(extra))

    def complete(self, answers: dict[str, Any]) -> dict[str, Any]:
        """``answers`` with every missing key filled in: by what the choice it follows suggests
        (``suggested_by``: "Disconnect them" suggests the text "Disconnect" and asking first),
        else by its default. Why: a script or the CLI giving only ``what=disconnect`` means the
        rest to fit that choice, as the wizard fills it in, not to stay "Mute"."""
        full = {**self.defaults(), **answers}
        for p in self.parameters:
            if p.type == "text" and not p.multiline and isinstance(full[p.key], str):
                full[p.key] = typed_on_one_line(full[p.key])
            if p.suggested_by and p.key not in answers:
                by = self.parameter(p.suggested_by)
                suggested = by.suggestions(full.get(by.key)).get(p.key)
                if suggested is not None:
                    full[p.key] = suggested
        return full

    def parameter(self, key: str) -> Parameter:
        return next(p for p in self.parameters if p.key == key)

    def defaults(self) -> dict[str, Any]:
        return {p.key: p.default for p in self.parameters}

    def icon_svg(self) -> bytes:
        """The gallery icon (one of the recipe's icon templates, rendered with the default answers;
        or ``builtin:NAME``, a built-in icon)."""
        if self.icon.startswith("builtin:"):
            return builtin_icon(self.icon.removeprefix("builtin:")).data()
        return _environment(self).get_template(self.icon).render(_context(self, self.defaults(), "x")).encode()


def _root() -> Path:
    return resource("recipes")


def list_recipes() -> list[Recipe]:
    """Every recipe shipped with the designer, sorted by title."""
    root = _root()
    names = sorted(p.name for p in root.iterdir() if (p / "recipe.json").is_file()) if root.is_dir() else []
    return sorted((load_recipe(n) for n in names), key=lambda r: r.title.lower())


def load_recipe(name: str) -> Recipe:
    """The recipe called ``name`` (its folder name); RecipeError when it does not exist or is malformed."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name or ""):
        raise RecipeError(f"'{name}' is not a recipe name (use the names `plugin-designer recipes` lists)")
    folder = _root() / name
    try:
        data = json.loads((folder / "recipe.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        import difflib

        names = [p.name for p in sorted(_root().iterdir()) if (p / "recipe.json").is_file()]
        close = difflib.get_close_matches(name, names, n=1)  # a typo is the usual reason, as for commands
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RecipeError(f"there is no recipe called '{name}'{hint}. Recipes: {', '.join(names)}") from None
    except (OSError, ValueError) as exc:
        raise RecipeError(f"the recipe '{name}' cannot be read: {exc}") from exc
    try:
        params = [_parameter(p) for p in data["parameters"]]
        files = data["files"]
        recipe = Recipe(
            name=name,
            folder=folder,
            title=data["title"],
            description=data["description"],
            placement=data["placement"],
            roles=list(data["roles"]),
            icon=data["icon"],
            parameters=params,
            package_template=files["package"],
            source_template=files["source"],
            icon_templates=list(files.get("icons", [])),
            reserved_names=list(data.get("reserved_names", [])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RecipeError(f"the recipe '{name}' has a malformed recipe.json: {exc!r}") from exc
    if recipe.placement not in PLACEMENTS or not recipe.roles or set(recipe.roles) - set(ROLE_NAMES):
        raise RecipeError(f"the recipe '{name}' has an unknown placement or roles")
    if "name" not in {p.key for p in params}:
        raise RecipeError(f"the recipe '{name}' has no 'name' parameter")
    booleans = {p.key for p in params if p.type == "boolean"}
    by_key = {p.key: p for p in params}
    for p in params:
        if validate_value(p, p.default):
            raise RecipeError(f"the default of '{p.key}' in the recipe '{name}' is not valid")
        key, colon, _flag = (p.when or "").partition(":")
        if colon:  # "what:alias": asked while the choice 'what' has the flag
            p.when_source = by_key.get(key)
            if p.when_source is None or p.when_source.type != "participant_action":
                raise RecipeError(
                    f"'{p.key}' in the recipe '{name}' depends on '{key}', which is not a choice with flags"
                )
        elif p.when is not None and p.when not in booleans:
            raise RecipeError(f"'{p.key}' in the recipe '{name}' depends on '{p.when}', which is not a yes/no setting")
        if p.suggested_by is not None:
            by = by_key.get(p.suggested_by)
            if by is None:
                raise RecipeError(
                    f"'{p.key}' in the recipe '{name}' follows '{p.suggested_by}', which it does not have"
                )
            suggested = by.suggestions(by.default).get(p.key)
            if suggested is not None and suggested != p.default:  # the two would disagree until changed
                raise RecipeError(f"the default of '{p.key}' in the recipe '{name}' is not what '{by.key}' suggests")
        if p.adds_role is not None and (p.type != "boolean" or p.adds_role not in ROLE_NAMES):
            raise RecipeError(f"'{p.key}' in the recipe '{name}' adds a role but is not a yes/no setting")
    return recipe


def _parameter(d: dict[str, Any]) -> Parameter:
    if d["type"] not in TYPES:
        raise ValueError(f"unknown parameter type {d['type']!r}")
    choices = [(str(c["value"]), str(c.get("label", c["value"]))) for c in d.get("choices", [])]
    p = Parameter(
        key=d["key"],
        type=d["type"],
        label=d["label"],
        description=d.get("description", ""),
        default=d.get("default"),
        required=bool(d.get("required", True)),
        max_length=int(d.get("max_length", 200)),
        pattern=d.get("pattern"),
        pattern_message=d.get("pattern_message", ""),
        multiline=bool(d.get("multiline", False)),
        choices=choices,
        scope=d.get("scope", "conference"),
        when=d.get("when"),
        suggested_by=d.get("suggested_by"),
        adds_role=d.get("adds_role"),
    )
    if p.type == "boolean":
        p.default = bool(p.default)
    elif p.default is None:
        p.default = ""
    if p.type == "rest_request" and p.scope not in REST_REQUESTS:
        raise ValueError(f"unknown request scope {p.scope!r}")
    return p


def validate_value(p: Parameter, value: Any) -> str | None:
    """What is wrong with ``value`` for ``p``, in plain words; None when it is fine."""
    what = f"'{p.label}'"
    if p.type == "boolean":
        return None if isinstance(value, bool) else f"{what} must be yes or no."
    if not isinstance(value, str):
        return f"{what} must be text."
    if p.type == "text":
        if p.required and not value.strip():
            return f"{what} is empty; please fill it in."
        if len(value) > p.max_length:
            return f"{what} is too long ({len(value)} characters; at most {p.max_length})."
        if value and p.pattern and not re.fullmatch(p.pattern, value):
            return f"{what}: {p.pattern_message or 'this value is not in the expected form.'}"
        return None
    if p.type == "identifier":
        if not value:
            return f"{what} is empty; please give a name such as 'doSomething'."
        if not is_identifier(value) or value in _BASE_NAMES:
            return (
                f"{what} ('{value}') cannot be used as a function name: use letters (of any language), digits "
                "and _ only, start with a letter, no spaces, and not a word JavaScript reserves (like 'function' "
                "or 'load')."
            )
        return None
    allowed = [v for v, _ in p.options()]
    if value not in allowed:
        return f"{what} ('{value}') must be one of: {', '.join(allowed)}."
    return None


def coerce_answers(recipe: Recipe, raw: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Answers typed as text (``--set key=value``) turned into their types; plus plain-language errors."""
    keys = {p.key: p for p in recipe.parameters}
    out: dict[str, Any] = {}
    errors: list[str] = []
    for key, value in raw.items():
        p = keys.get(key)
        if p is None:
            errors.append(f"The recipe '{recipe.name}' has no setting called '{key}'. Its settings: {', '.join(keys)}.")
        elif p.type == "boolean" and isinstance(value, str):
            low = value.strip().lower()
            if low in _TRUE | _FALSE:
                out[key] = low in _TRUE
            else:
                # (the option as typed, as the CLI names it in the other answers' problems)
                errors.append(f"'{p.label}' (--set {key}) must be yes or no, not '{value}'.")
        else:
            out[key] = value
    return out, errors


def in_use(p: Parameter, answers: dict[str, Any]) -> bool:
    """Whether ``p`` counts: always, or while the boolean it depends on (``when``) is on, or while
    the choice it depends on (``when`` = "key:flag") has that flag (the meeting to move someone
    to is asked only when moving them is chosen)."""
    if p.when is None:
        return True
    key, colon, flag = p.when.partition(":")
    if colon:
        return p.when_source is not None and flag in p.when_source.option_flags(answers.get(key))
    return bool(answers.get(p.when))


def validate_answers(recipe: Recipe, answers: dict[str, Any]) -> list[str]:
    """Every problem with ``answers`` (missing keys take their defaults), in plain words."""
    return [message for _key, message in answer_problems(recipe, answers)]


def answer_problems(recipe: Recipe, answers: dict[str, Any]) -> list[tuple[str, str]]:
    """(setting key, problem in plain words) for every problem with ``answers``.

    Why the key: the messages name a setting by its label, which is what the wizard shows next
    to the field; a command line names it by its key (``--set param=...``), so the CLI says
    which key to change.
    """
    errors: list[tuple[str, str]] = []
    keys = {p.key for p in recipe.parameters}
    for key in answers:
        if key not in keys:
            errors.append((key, f"The recipe '{recipe.name}' has no setting called '{key}'."))
    full = recipe.complete(answers)
    names: dict[str, str] = {}
    reserved = set(recipe.reserved_names) | _names_in_code(recipe)
    for p in recipe.parameters:
        if not in_use(p, full):
            continue  # switched off by its boolean: its text is not used, so not checked either
        problem = validate_value(p, full[p.key])
        if problem:
            errors.append((p.key, problem))
            continue
        if p.type == "identifier":
            value = full[p.key]
            if value in _JS_GLOBALS:
                problem = (
                    f"'{p.label}' ('{value}') is a name JavaScript already has; a function of that name would "
                    "replace it for the whole plugin. Choose another name."
                )
            elif value in reserved:
                problem = f"'{p.label}' ('{value}') is already used inside this recipe's code; choose another name."
            elif value in names:
                problem = f"'{p.label}' and '{names[value]}' are both '{value}'; each needs its own name."
            if problem:
                errors.append((p.key, problem))
            names[value] = p.label
    return errors


# Globals the generated code (and the app) may call: a function of that name replaces them for the
# whole plugin ("Boolean", "fetch", "JSON" made the recipes' own code recurse or throw).
_JS_GLOBALS = frozenset(
    "Array Boolean Date Error Function JSON Map Math Number Object Promise Proxy Reflect RegExp Set String "
    "Symbol WeakMap WeakSet alert atob btoa clearInterval clearTimeout confirm console crypto document "
    "encodeURIComponent decodeURIComponent encodeURI decodeURI escape unescape eval fetch globalThis "
    "isFinite isNaN localStorage location navigator open parseFloat parseInt prompt queueMicrotask "
    "requestAnimationFrame self sessionStorage setInterval setTimeout structuredClone top parent "
    "XMLHttpRequest WebSocket URL URLSearchParams FormData Blob Event CustomEvent".split()
)
_CODE_NAMES: dict[str, frozenset[str]] = {}


def _names_in_code(recipe: Recipe) -> frozenset[str]:
    """Every variable name the recipe's own code uses (made with the default answers, the
    function names asked for left out), and the JavaScript globals: a function given one of them
    replaced the recipe's variable or a built-in, and the plugin crashed (``locked``, ``Boolean``).
    """
    cached = _CODE_NAMES.get(recipe.name)
    if cached is not None:
        return cached
    from .jsanalysis import parse_tree

    asked = {
        str(v) for p, v in ((p, recipe.defaults().get(p.key)) for p in recipe.parameters) if p.type == "identifier"
    }
    found: set[str] = set()
    try:
        files = _render_files(recipe, recipe.defaults(), "recipe-names")
    except Exception:  # noqa: BLE001 - a recipe that does not render is reported where it is rendered
        files = {}
    for rel, data in files.items():
        if not rel.endswith(".js"):
            continue
        stack = [parse_tree(data).root_node]
        while stack:
            node = stack.pop()
            if node.type in ("identifier", "shorthand_property_identifier"):
                found.add(data[node.start_byte : node.end_byte].decode("utf-8", "replace"))
            stack.extend(node.named_children)
    names = frozenset((found - asked) | _JS_GLOBALS)
    _CODE_NAMES[recipe.name] = names
    return names


def _html(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _comment(text: Any) -> str:
    """Text for a ``//`` comment (see :func:`comment_text`)."""
    return comment_text(str(text))


def _environment(recipe: Recipe) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(recipe.folder)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["js"] = lambda v: js_string(str(v))
    env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False)
    env.filters["html"] = _html
    env.filters["comment"] = _comment
    return env


def _context(recipe: Recipe, answers: dict[str, Any], plugin_id: str) -> dict[str, Any]:
    folder = safe_id(plugin_id)
    return {
        **answers,
        "plugin_id": plugin_id,
        "folder": folder,
        "source_file": f"{folder}.plugin.js",
        "roles": recipe.roles_for(answers),
        "recipe_description": recipe.description,
        "layout_names": dict(LAYOUT_NAMES),
        "participant_properties": dict(PARTICIPANT_PROPERTIES),
        "rest_requests": {k: v for scope in REST_REQUESTS.values() for k, v in scope.items()},
        # What a participant action does, as code and in words (shared with the form's "Make it do").
        "action_body": action_body,
        "behaviours": {k: b.heading for k, b in BEHAVIOURS.items()},
    }


def render(recipe: Recipe, answers: dict[str, Any], plugin_id: str) -> dict[str, bytes]:
    """The files of the plugin, keyed by path relative to webapp2/ (``plugins/<id>/...``).

    ``answers`` may leave keys out (they take their defaults); invalid answers raise ValueError
    with the plain-language problems, one a line.
    """
    errors = validate_answers(recipe, answers)
    if errors:
        raise ValueError("\n".join(errors))
    return _render_files(recipe, recipe.complete(answers), plugin_id)


def _render_files(recipe: Recipe, full: dict[str, Any], plugin_id: str) -> dict[str, bytes]:
    """:func:`render` without checking the answers first. Why apart: the check needs the names in
    the recipe's code (:func:`_names_in_code`), which it gets by rendering the defaults; through
    :func:`render` that check asked for the names again, some 250 renders deep (a second a recipe)."""
    from jinja2 import TemplateError

    ctx = _context(recipe, full, plugin_id)
    folder = ctx["folder"]
    base = f"plugins/{folder}/"
    env = _environment(recipe)
    try:
        package_text = env.get_template(recipe.package_template).render(ctx)
        source = env.get_template(recipe.source_template).render(ctx)
        icons = {_strip_j2(t): env.get_template(t).render(ctx) for t in recipe.icon_templates}
    except TemplateError as exc:
        raise RecipeError(f"the recipe '{recipe.name}' cannot be filled in: {exc}") from exc
    try:
        package = json.loads(package_text)
    except ValueError as exc:
        raise RecipeError(f"the recipe '{recipe.name}' made an invalid package file: {exc}") from exc
    files = {
        base + f"{folder}.plugin.package.json": (json.dumps(package, indent=4, ensure_ascii=False) + "\n").encode()
    }
    files[base + ctx["source_file"]] = source.encode("utf-8")
    for rel, text in icons.items():
        files[base + rel] = text.encode("utf-8")
    for p in recipe.parameters:  # a built-in icon chosen: copied in as it is, its root id its name
        if p.type == "builtin_icon" and in_use(p, full):
            files[base + f"{full[p.key]}.svg"] = builtin_icon(full[p.key]).data()
    return files


def _strip_j2(name: str) -> str:
    return name[:-3] if name.endswith(".j2") else name


def check_rendered(files: dict[str, bytes]) -> list[Any]:
    """The checks' findings for a plugin made by :func:`render`, alone in a scratch project.

    The wizard shows them before anything is added (e.g. PD600: the plugin contacts another
    server, which the deployment's security policy may block).
    """
    import tempfile

    from .checks import run_checks
    from .model import load
    from .newproject import create_project

    with tempfile.TemporaryDirectory(prefix="plugin-designer-recipe-") as tmp:
        root = create_project(Path(tmp), files=files)
        return [p for p in run_checks(load(root)) if p.file.startswith("plugins/")]
