"""The export's "What changed" in words: JSON differences named the way the forms name them."""

from __future__ import annotations

from designer.core.jsonchanges import describe_changes

BEFORE = {
    "id": "meeting-info",
    "name": "Meeting information",
    "platforms": ["web", "ios"],
    "menuItems": {"conference": [{"icon": "info.svg#info", "label": "Meeting information", "action": "show"}]},
}


def test_changes_are_named_as_the_forms_name_them() -> None:
    after = {
        "id": "meeting-info",
        "name": "About",
        "platforms": ["web"],
        "menuItems": {"conference": [{"icon": "info.svg#info", "label": "About this meeting", "action": "show"}]},
        "allowUnload": False,
    }
    assert describe_changes(BEFORE, after) == [
        "name: 'Meeting information' → 'About'",
        "loads in: Web app, iOS → Web app",
        "conference menu › item 1 › label: 'Meeting information' → 'About this meeting'",
        "users may switch it off: added, no",
    ]


def test_items_added_or_removed_and_keys_removed() -> None:
    after = {"id": "meeting-info", "platforms": ["web", "ios"], "menuItems": {"conference": []}}
    assert describe_changes(BEFORE, after) == [
        "name: removed (was 'Meeting information')",
        "conference menu › item 1: removed (was 'Meeting information')",
    ]
    assert describe_changes(BEFORE, BEFORE) == []


def test_many_changes_are_cut_short() -> None:
    after = {f"k{i}": i for i in range(30)}
    lines = describe_changes({}, after)
    assert len(lines) == 12 and lines[-1] == "… and 19 more changes"


def test_roles_read_as_the_form_names_them() -> None:
    """Unticking Guests read "roles: 'chair', 'guest' → 'chair'", the file's words, not the form's."""
    before = {"participantRoles": ["chair", "guest"], "platforms": ["web", "electron", "ios", "android"]}
    after = {"participantRoles": ["chair"], "platforms": []}
    assert describe_changes(before, after) == [
        "available to: Hosts, Guests → Hosts",
        "loads in: Web app, Desktop app, iOS, Android → nowhere",
    ]
    # values the app does not know are shown as the file has them
    assert describe_changes({"participantRoles": ["chair"]}, {"participantRoles": ["Chair"]}) == [
        "available to: 'chair' → 'Chair'"
    ]


def _plugin(plugin_id: str, enabled: bool = True) -> dict[str, object]:
    return {"id": plugin_id, "srcURL": f"plugins/{plugin_id}/{plugin_id}.plugin.package.json", "enabled": enabled}


def test_settings_plugins_are_matched_by_their_id() -> None:
    """A plugin removed from settings.json while another was switched off read "plugins: 3 entries →
    2 entries": neither which plugin went nor that the other is now off was said. And a plugin added
    at the top read as every entry below it changing its id and source."""
    before = {"plugins": [_plugin("lock"), _plugin("info"), _plugin("hand")]}
    after = {"plugins": [_plugin("lock"), _plugin("info", enabled=False)]}
    assert describe_changes(before, after) == [
        "plugins › 'hand': removed",
        "plugins › 'info' › on by default: yes → no",
    ]
    added_first = {"plugins": [_plugin("new"), *before["plugins"]]}
    assert describe_changes(before, added_first) == ["plugins › 'new': added"]
    moved = {"plugins": [_plugin("info"), _plugin("lock"), _plugin("hand")]}
    assert describe_changes(before, moved) == ["plugins › order: 'lock', 'info', 'hand' → 'info', 'lock', 'hand'"]


def test_a_menu_item_added_or_removed_is_named_by_its_label() -> None:
    """An item added to a menu read "conference menu: 1 entry → 2 entries", not which one; one
    removed from the middle read as every item after it changing its label and action."""
    one = {"icon": "info.svg#info", "label": "Info", "action": "show"}
    two = {"icon": "lock.svg#lock", "label": "Lock", "action": "lock"}
    three = {"icon": "hand.svg#hand", "label": "Hand", "action": "hand"}
    before = {"menuItems": {"conference": [one, two, three]}}
    assert describe_changes(before, {"menuItems": {"conference": [one, three]}}) == [
        "conference menu › item 2: removed (was 'Lock')"
    ]
    assert describe_changes(before, {"menuItems": {"conference": [one, two, three, one]}}) == [
        "conference menu › item 4: added, 'Info'"
    ]
