"""The Carry tab: ``customUI/customUI14.xml`` (Office 2010+ ribbon schema).

Every button calls the same VBA callback (``CarryRibbon.OnCarryButton``); its ``tag``
names the macro, which Python's dispatcher (:mod:`carryxl.macros.dispatch`) looks up in
a fixed table. The buttons are :data:`carryxl.buttons.BUTTONS`.

The tab has a qualified id (``idQ="x:carryTab"`` in the namespace :data:`TAB_NAMESPACE`),
the same in the add-in and in every ``.xlsm``: Excel merges tabs that share a qualified
id, so one Carry tab shows whatever is open (a plain ``id`` is private to its file, and
two files would show two tabs).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from carryxl.addin.vba import RIBBON_CALLBACK
from carryxl.buttons import BUTTONS, GROUPS, Button, Group

__all__ = [
    "BUTTONS",
    "CUSTOM_UI14_NAMESPACE",
    "CUSTOM_UI14_PART",
    "CUSTOM_UI14_RELATIONSHIP",
    "GROUPS",
    "TAB_ID",
    "TAB_NAMESPACE",
    "Button",
    "Group",
    "custom_ui_xml",
]

CUSTOM_UI14_NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
CUSTOM_UI14_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOM_UI14_PART = "customUI/customUI14.xml"
TAB_NAMESPACE = "urn:carryxl:ribbon"
TAB_ID = "carryTab"


def custom_ui_xml(buttons: tuple[Button, ...] = BUTTONS) -> bytes:
    """The customUI14 part as UTF-8 bytes: one group per :data:`GROUPS` that has buttons."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{CUSTOM_UI14_NAMESPACE}" xmlns:x="{TAB_NAMESPACE}">',
        "  <ribbon>",
        "    <tabs>",
        f'      <tab idQ="x:{TAB_ID}" label="Carry" keytip="CY">',
    ]
    for group in (g for g in GROUPS if any(b.group == g for b in buttons)):
        lines.append(f"        <group id={quoteattr(group.id)} label={quoteattr(group.label)}>")
        for b in (b for b in buttons if b.group == group):
            lines.append(
                f"          <button id={quoteattr(b.id)} label={quoteattr(b.label)}"
                f" tag={quoteattr(b.tag)} imageMso={quoteattr(b.image_mso)}"
                f' size="{"large" if b.large else "normal"}"'
                f" screentip={quoteattr(b.screentip)} supertip={quoteattr(b.supertip)}"
                f" onAction={quoteattr(RIBBON_CALLBACK)}/>"
            )
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines).encode("utf-8")
