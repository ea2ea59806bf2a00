"""JSON Schema validation of settings.json, manifest.json and plugin package files.

Why two validators for one schema: importing ``jsonschema`` costs ~120 ms here, more than
checking a whole 20-plugin package, and nearly every document a user checks is valid. So the
schemas in ``resources/schemas/`` (draft 2020-12, using only keywords that mean the same in
draft-07) are also compiled ahead of time by fastjsonschema into ``_schema_fast.py``, which
answers "valid or not" in microseconds. Only when a document is invalid is ``jsonschema``
imported to list *every* error with its JSON pointer. ``python -m designer.core.schemas``
regenerates the compiled module; a test fails if it is stale.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, NamedTuple

from .resources import resource

__all__ = ["KINDS", "SchemaError", "generate_fast_module", "plain_key", "validate"]

KINDS = {
    "settings": "settings.schema.json",
    "manifest": "manifest.schema.json",
    "package": "plugin-package.schema.json",
}

_WORDS = {
    "object": "a group of named values ({...})",
    "array": "a list ([...])",
    "string": "text in double quotes",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


class SchemaError(NamedTuple):
    """One way a document breaks its schema, in plain language.

    (A named tuple, immutable like the frozen dataclass it was, made in a quarter of the time
    at each import by ``check``.)
    """

    pointer: str  # where the bad value is
    message: str  # plain language
    at_key: bool = False  # point at the member's name rather than its value


@cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads(resource("schemas", KINDS[kind]).read_text(encoding="utf-8"))


def _fast(kind: str) -> Any:
    from . import _schema_fast

    return getattr(_schema_fast, "validate_" + kind)


def validate(kind: str, data: Any) -> list[SchemaError]:
    """All schema errors of ``data`` (empty when valid), in document order."""
    from ._schema_fast import JsonSchemaException

    try:
        _fast(kind)(data)
        return []
    except JsonSchemaException:
        pass
    return _full(kind, data)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of named values"


# The words of the form for the keys a person meets there, by kind of file; the key follows in
# brackets for whoever reads the file. Why: "'participantRoles' should be a list" meant nothing to
# someone who only ever ticked boxes under "Available to".
_PLAIN: dict[str, dict[str, str]] = {
    "settings": {
        "plugins": "the plugin list",
        "srcURL": "the package file it loads",
        "enabled": "'Switched on when the app starts'",
    },
    "package": {
        "srcURL": "the source file",
        "allowUnload": "'Users may switch it off'",
        "platforms": "'Loads in'",
        "participantRoles": "'Available to'",
        "menuItems": "the menu items",
        "toolbar": "the toolbar buttons",
        "conference": "the conference menu",
        "participants": "the participant menu",
    },
    "manifest": {"brandingID": "the upload number", "isSettingsBranded": "the branded mark"},
}


# What the allowed words of a list are in the form's words. Why: nobody guesses that webapp2
# calls hosts "chair"; said once, "must be one of "chair", "guest"" reads as a choice.
_ENUM_WORDS = {
    "participantRoles": ' (webapp2 calls hosts "chair", the form\'s Hosts, and guests "guest")',
    "platforms": ' ("electron" is the Desktop app, "web" the Web app)',
}


def plain_key(kind: str, key: Any) -> str:
    """ "'Available to' (participantRoles)" for a key the form names, else "'version'"."""
    plain = _PLAIN.get(kind, {}).get(key) if isinstance(key, str) else None
    return f"{plain} ({key})" if plain else f"'{key}'"


def _name(path: list[Any], kind: str = "") -> str:
    """ "'Loads in' (platforms)", "item 2 of the plugin list (plugins)" or 'the file': how a person names a place."""
    if not path:
        return "the file"
    if isinstance(path[-1], int):
        return f"item {path[-1] + 1} of {_name(path[:-1], kind)}"
    return plain_key(kind, path[-1])


def _near_keys(missing: list[str], instance: Any) -> str:
    """'; it has 'srcUrl' (names are case-sensitive)' when a key that is there looks like a missing one."""
    if not isinstance(instance, dict):
        return ""
    import difflib

    have = [k for k in instance if isinstance(k, str)]
    for m in missing:
        same_case = [k for k in have if k.lower() == m.lower()]
        close = same_case or difflib.get_close_matches(m, have, n=1, cutoff=0.75)
        if close:
            why = "names are case-sensitive" if same_case else f"did you mean '{m}'?"
            return f"; it has '{close[0]}' ({why})"
    return ""


def _describe(err: Any, kind: str = "") -> SchemaError:
    from .jsonfile import join_pointer

    path = list(err.absolute_path)
    pointer = join_pointer("", *path)
    v = err.validator
    name = _name(path, kind)
    if "propertyNames" in err.relative_schema_path and isinstance(err.instance, str):
        allowed = ", ".join(json.dumps(x) for x in err.validator_value)
        return SchemaError(
            join_pointer(pointer, err.instance),
            f"{json.dumps(err.instance)} is not a known placement in {name}; use one of {allowed}.",
            at_key=True,
        )
    if v == "required":
        missing = [m for m in err.validator_value if not isinstance(err.instance, dict) or m not in err.instance]
        what = ", ".join(plain_key(kind, m) for m in missing)
        near = _near_keys(missing, err.instance)
        return SchemaError(pointer, f"{what} is missing from {name}{near}.")
    if v == "type":
        types = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        want = " or ".join(_WORDS.get(t, t) for t in types)
        return SchemaError(pointer, f"{name} should be {want}, but it is {_kind_of(err.instance)}.")
    if v == "enum":
        allowed = ", ".join(json.dumps(x) for x in err.validator_value)
        parent = path[-2] if len(path) > 1 and kind == "package" else None
        said = _ENUM_WORDS.get(parent, "") if isinstance(parent, str) else ""
        return SchemaError(pointer, f"{name} is {json.dumps(err.instance)}; it must be one of {allowed}{said}.")
    if v == "minLength":
        return SchemaError(pointer, f"{name} is empty.")
    if v == "uniqueItems":
        return SchemaError(pointer, f"{name} lists the same value more than once.")
    if v == "pattern":
        return SchemaError(pointer, f"{name} must contain only digits, but it is {json.dumps(err.instance)}.")
    return SchemaError(pointer, f"{name}: {err.message}")


# Errors of documents validated in full, by (kind, the document as JSON text): see _full.
_FULL_SEEN: dict[tuple[str, str], tuple[SchemaError, ...]] = {}


def _full(kind: str, data: Any) -> list[SchemaError]:
    """Every error of ``data``, as jsonschema finds them (each told in plain words).

    The answer for a document is kept, keyed by its JSON text: a package of 100 plugins with
    broken package files took jsonschema a third of a second at each check, and the window
    checks again after every edit, where all but one of them are as they were.
    """
    try:
        key = (kind, json.dumps(data, ensure_ascii=False))
    except (TypeError, ValueError):  # (not a JSON value: validated as it is, each time)
        return _validated(kind, data)
    seen = _FULL_SEEN.get(key)
    if seen is None:
        if len(_FULL_SEEN) >= 1024:  # (documents come and go as they are edited: not kept for ever)
            _FULL_SEEN.clear()
        seen = _FULL_SEEN[key] = tuple(_validated(kind, data))
    return list(seen)


def _validated(kind: str, data: Any) -> list[SchemaError]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema(kind))
    errors = [_describe(err, kind) for err in validator.iter_errors(data)]
    errors.sort(key=lambda e: e.pointer)
    return errors


# fastjsonschema's compiled code imports its exceptions from the fastjsonschema package, whose
# __init__ pulls in the whole compiler (and costs a `check` run more than every schema check
# together). The generated module defines the same exceptions itself, with the same signature.
# It also imports decimal only to accept Decimal as a number; JSON never decodes to Decimal, and
# should one ever be validated, the fast path rejects it and validate() asks jsonschema, which
# accepts it: the result is the same, so the generated module goes without that import too.
_FJS_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
_DECIMAL_IMPORT = "from decimal import Decimal\n"
# For uniqueItems fastjsonschema defines this function inside the validator, and it calls itself:
# every validation of such a list made a function that refers to itself through its closure, a
# cycle only the cyclic collector frees. ``check`` runs with the collector off (designer/gcpause.py)
# and ``check --fix`` checks again after each fix, so the garbage grew with every round (three
# objects per plugin per round). The generated module defines it once, at the top, instead.
_FJS_UNIQUE = (
    "def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) "
    'if hasattr(var, "items") else tuple(fn(v) for v in var) '
    "if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var"
)
_UNIQUE_NAME = "_unique_items_key"
_FAST_HEADER = """

class Decimal:
    \"\"\"Never instantiated: stands for decimal.Decimal in the type checks (see designer.core.schemas).\"\"\"


class JsonSchemaException(ValueError):
    \"\"\"Stands for fastjsonschema.JsonSchemaException, so validating needs no fastjsonschema import.\"\"\"


class JsonSchemaValueException(JsonSchemaException):
    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name
        self.definition = definition
        self.rule = rule


class JsonSchemaValuesException(JsonSchemaException):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors
"""
_UNIQUE_HEADER = (
    "\n# fastjsonschema's uniqueItems key, defined once here, not at each validation (see designer.core.schemas).\n"
    + _FJS_UNIQUE.replace("fn(", _UNIQUE_NAME + "(")
    + "\n"
)


def _hoist_unique_key(code: str) -> str:
    """``code`` calling the module-level uniqueItems key instead of defining ``fn`` at each validation."""
    import re

    defs = re.findall(r"^[ \t]*" + re.escape(_FJS_UNIQUE) + r"\n", code, flags=re.M)
    for line in set(defs):
        code = code.replace(line, "")
    calls = code.count("len(set(fn(")
    code = code.replace("len(set(fn(", f"len(set({_UNIQUE_NAME}(")
    if re.search(r"\bfn\(", code) or calls != len(defs):
        raise RuntimeError("fastjsonschema writes its uniqueItems check otherwise now; update schemas._FJS_UNIQUE")
    return code


def generate_fast_module() -> str:
    """Source of ``_schema_fast.py``: fastjsonschema's compiled validators for each schema."""
    import fastjsonschema

    parts = [
        '"""Generated by `python -m designer.core.schemas` from resources/schemas/. Do not edit."""',
        "# ruff: noqa",
        _FAST_HEADER,
        _UNIQUE_HEADER,
    ]
    for kind in KINDS:
        code = fastjsonschema.compile_to_code(schema(kind))
        if _FJS_IMPORT not in code:
            raise RuntimeError(f"fastjsonschema {fastjsonschema.VERSION} no longer writes {_FJS_IMPORT.strip()!r}")
        code = _hoist_unique_key(code.replace(_FJS_IMPORT, "").replace(_DECIMAL_IMPORT, ""))
        # Each compiled module names its entry point after the schema's $id; alias it.
        entry = "validate_" + schema(kind)["$id"].replace(":", "_").replace("-", "_")
        parts.append(f"# --- {kind}\n{code}\nvalidate_{kind} = {entry}\n")
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover - developer tool
    from pathlib import Path

    target = Path(__file__).with_name("_schema_fast.py")
    target.write_text(generate_fast_module(), encoding="utf-8")
    print(f"wrote {target}")
