"""The one reading of a file's bytes as text, shared by the validator (which reports what it
finds), the fixer (which re-encodes) and ingest (which reads a raw source). Each decides what to
accept; none guesses differently."""
from __future__ import annotations

from dataclasses import dataclass

UTF8_BOM = b'\xef\xbb\xbf'


@dataclass(frozen=True)
class Decoded:
    """What the bytes are. `text` is None when they are not text in a known encoding.

    encoding: 'utf-8', 'gb18030', 'utf-16' or 'binary' (NUL bytes), or 'unknown'.
    bom: a UTF-8 byte-order mark was there (it is not part of `text`).
    bad_offset: for text that is not UTF-8, the first byte that is not (0-based).
    nul_offset: for 'binary', the first NUL byte.
    """
    text: str | None
    encoding: str
    bom: bool = False
    bad_offset: int | None = None
    nul_offset: int | None = None

    @property
    def utf8(self) -> bool:
        return self.encoding == 'utf-8'


def sniff(raw: bytes) -> Decoded:
    """Read bytes as UTF-8 (with or without a byte-order mark), else UTF-16 (by its mark),
    else GB18030, which is what Excel and Notepad write on Chinese Windows."""
    if raw.startswith((b'\xff\xfe', b'\xfe\xff')):
        try:
            return Decoded(raw.decode('utf-16'), 'utf-16')
        except UnicodeDecodeError:
            return Decoded(None, 'utf-16')
    if b'\x00' in raw:
        return Decoded(None, 'binary', nul_offset=raw.index(b'\x00'))
    bom = raw.startswith(UTF8_BOM)
    body = raw[len(UTF8_BOM):] if bom else raw
    try:
        return Decoded(body.decode('utf-8'), 'utf-8', bom)
    except UnicodeDecodeError as error:
        bad = error.start + (len(UTF8_BOM) if bom else 0)
    try:
        return Decoded(raw.decode('gb18030'), 'gb18030', bad_offset=bad)
    except UnicodeDecodeError:
        return Decoded(None, 'unknown', bad_offset=bad)
