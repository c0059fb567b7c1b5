"""XML written as text, escaped exactly as `xml.etree.ElementTree` escapes it.

GraphML and GEXF are rendered fragment by fragment (see `_cache`), so they are built as strings
instead of an ElementTree; these helpers reproduce ElementTree's serialisation (and
`ElementTree.indent`'s layout) byte for byte. Values must already be free of XML-forbidden
characters (`xml_safe`/`clean_text`): escaping makes markup impossible, cleaning makes it valid.
"""

from __future__ import annotations


def escape_text(text: str) -> str:
    """Character data: `&`, `<` and `>` become entities, so no text can open or close an element."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attr(text: str) -> str:
    """An attribute value between double quotes; CR, LF and TAB become character references so a
    parser's attribute-value normalisation cannot turn them into spaces."""
    text = escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def element(indent: str, tag: str, attrs: str, children: list[str]) -> str:
    """`<tag attrs>children</tag>` (or `<tag attrs />`) preceded by `indent` (its line break and
    indentation); each child already starts with its own, one level deeper."""
    if not children:
        return f"{indent}<{tag}{attrs} />"
    return f"{indent}<{tag}{attrs}>{''.join(children)}{indent}</{tag}>"
