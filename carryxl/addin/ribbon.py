"""The Carry tab: ``customUI/customUI14.xml`` (Office 2010+ ribbon schema).

Every button calls the same VBA callback (``CarryRibbon.OnCarryButton``); its ``tag``
names the macro, which Python's dispatcher (:mod:`carryxl.macros.dispatch`) looks up in
a fixed table. The buttons are :data:`carryxl.buttons.BUTTONS`.

The tab, its groups and its buttons have qualified ids (``idQ="x:carryTab"``,
``idQ="x:carryScenarios"``, ``idQ="x:carryRefresh"``… in the namespace
:data:`TAB_NAMESPACE`), the same in the add-in and in every ``.xlsm``. [MS-CUSTOMUI]
(ST_QID) keeps a plain ``id`` private to its file: a second file's ``<group id=…>`` adds
a second group, even inside a shared tab. A qualified id names one control in a namespace
that files share: the first file to declare it creates it, and the others' declarations
refer to it. So with the add-in and any number of ``.xlsm`` files open there is one Carry
tab, each group once, each button once.
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


def _qualified(local: str) -> str:
    """``x:local``: the id ``local`` in :data:`TAB_NAMESPACE`, shared by every carryxl file."""
    return f"x:{local}"


def custom_ui_xml(buttons: tuple[Button, ...] = BUTTONS) -> bytes:
    """The customUI14 part as UTF-8 bytes: one group per :data:`GROUPS` that has buttons,
    every tab, group and button with a qualified id (see the module's doc)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{CUSTOM_UI14_NAMESPACE}" xmlns:x="{TAB_NAMESPACE}">',
        "  <ribbon>",
        "    <tabs>",
        f'      <tab idQ="{_qualified(TAB_ID)}" label="Carry" keytip="CY">',
    ]
    for group in (g for g in GROUPS if any(b.group == g for b in buttons)):
        lines.append(
            f"        <group idQ={quoteattr(_qualified(group.id))} label={quoteattr(group.label)}>"
        )
        for b in (b for b in buttons if b.group == group):
            lines.append(
                f"          <button idQ={quoteattr(_qualified(b.id))} label={quoteattr(b.label)}"
                f" tag={quoteattr(b.tag)} imageMso={quoteattr(b.image_mso)}"
                f' size="{"large" if b.large else "normal"}"'
                f" screentip={quoteattr(b.screentip)} supertip={quoteattr(b.supertip)}"
                f" onAction={quoteattr(RIBBON_CALLBACK)}/>"
            )
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines).encode("utf-8")
