"""Byte decoding (UTF-8/16, Windows-1256, ISO-8859-6), binary detection, text cleaning and hashing."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata


class NotText(ValueError):
    """The bytes are not a text document; `str(e)` is the skip reason."""


# Magic numbers of formats that are never articles, whatever their file name says.
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, xlsx ...
    b"PK\x05\x06",  # empty zip
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
)

# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# A letter of one script glued to one of another: real Arabic words do not mix scripts, a wrong
# single-byte code page does (ISO-8859-6 read as cp1256 turns ه و ى ي into ç è é ê).
_MIXED = re.compile("[A-Za-z\u00c0-\u00ff][\u0621-\u0652]|[\u0621-\u0652][A-Za-z\u00c0-\u00ff]")
_BAD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Control characters that make a decoded text look binary (tab, newlines, VT and FF are common in text).
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What clean_text removes: C0/C1 controls except tab and newline (CR is normalized first), and BOMs.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")

_SAMPLE = 256 * 1024
_BINARY_SHARE = 0.05  # more than 5 % control characters after decoding: not text
_STRAY_NUL_SHARE = 0.01  # up to 1 % NUL bytes in otherwise valid UTF-8: stray NULs, removed


def has_magic(data: bytes) -> bool:
    """True when `data` starts with the magic number of a known binary format."""
    return data.startswith(_MAGIC)


def _score(text: str) -> int:
    """How Arabic-looking a decoding is: letters count, garbage and mixed-script pairs cost."""
    arabic = len(_ARABIC_LETTER.findall(text))
    mixed = len(_MIXED.findall(text))
    bad = len(_BAD.findall(text))
    return arabic - 3 * mixed - 4 * bad


def _guess_single_byte(sample: bytes) -> str:
    """Windows-1256 or ISO-8859-6, whichever reads `sample` as more plausible Arabic (ties: cp1256)."""
    cp = _score(sample.decode("cp1256", errors="replace"))
    iso = _score(sample.decode("iso8859-6", errors="replace"))
    return "iso8859-6" if iso > cp else "cp1256"


def _valid_utf8_prefix(sample: bytes, complete: bool) -> bool:
    """Strict UTF-8 check of a sample that may end inside a multibyte sequence."""
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def sniff_encoding(sample: bytes, complete: bool) -> tuple[str, int]:
    """Codec name and BOM length for the bytes starting with `sample`.

    `complete` says whether `sample` is the whole input. Raises NotText for binary data.
    """
    if has_magic(sample):
        raise NotText("binary file")
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec, len(bom)
    # UTF-16 without BOM and binary data both have NULs; a few stray NULs in UTF-8 text are tolerated.
    if b"\x00" in sample and (
        sample.count(b"\x00") > len(sample) * _STRAY_NUL_SHARE or not _valid_utf8_prefix(sample, complete)
    ):
        raise NotText("binary file")
    if _valid_utf8_prefix(sample, complete):
        return "utf-8", 0
    return _guess_single_byte(sample), 0


def check_text(text: str) -> None:
    """Raise NotText when a decoded text is mostly control characters (binary data)."""
    if text and len(_BINARY_CONTROL.findall(text)) > len(text) * _BINARY_SHARE:
        raise NotText("binary file")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a whole document; returns (text, codec). Raises NotText for binary data.

    Order: magic numbers, BOM, strict UTF-8, the declared charset (HTML meta) if Python knows it,
    then the better of Windows-1256 and ISO-8859-6.
    """
    codec, skip = sniff_encoding(data[:_SAMPLE], complete=len(data) <= _SAMPLE)
    if codec == "utf-8" and not skip and len(data) > _SAMPLE:
        # The sample was valid UTF-8; the rest must be too, else fall back to a code page.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            codec = _guess_single_byte(data[: _SAMPLE * 4])
        else:
            check_text(text)
            return text, codec
    elif codec in ("cp1256", "iso8859-6") and declared:
        # Only a declared code page overrides the guess; a page that claims UTF-8 but is not, is not.
        try:
            named = codecs.lookup(declared).name
            if not named.startswith("utf"):
                text = data.decode(named, errors="replace")
                check_text(text)
                return text, named
        except LookupError:  # unknown name, or a codec that is not a text encoding (rot13)
            pass
    text = data[skip:].decode(codec, errors="replace")
    check_text(text)
    return text, codec


def clean_text(text: str) -> str:
    """Remove BOMs and control characters except tab/newline; turn CRLF and CR into LF.

    This is the only change applied to a plain-text file, so offsets into the result are stable.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text


def content_hash(text: str) -> str:
    """SHA-256 hex of the normalized content: NFC, whitespace runs collapsed to one space, stripped."""
    if not unicodedata.is_normalized("NFC", text):  # the quick check spares most texts a full pass
        text = unicodedata.normalize("NFC", text)
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()
