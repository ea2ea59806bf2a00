"""Ids and function names made from what people type, in any language that uses Latin letters."""

from __future__ import annotations

import pytest

from designer.core.jstext import is_identifier, safe_id, safe_identifier


@pytest.mark.parametrize(
    ("name", "plugin_id", "function"),
    [
        ("Record & Stream!", "record-stream", "recordStream"),
        ("Gäste stummschalten", "gaste-stummschalten", "gasteStummschalten"),
        ("Ünïcødé Plügin", "unicode-plugin", "unicodePlugin"),
        ("Straße öffnen", "strasse-offnen", "strasseOffnen"),
        ("Łódź meeting", "lodz-meeting", "lodzMeeting"),
        ("Réunion d’équipe", "reunion-d-equipe", "reunionDEquipe"),
        ("日本語", "plugin", "action"),
        ("2 hands up", "2-hands-up", "on2HandsUp"),
    ],
)
def test_accents_are_folded_not_dropped(name: str, plugin_id: str, function: str) -> None:
    assert safe_id(name) == plugin_id
    assert safe_identifier(name) == function and is_identifier(function)
