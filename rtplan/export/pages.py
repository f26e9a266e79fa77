"""WeasyPrint, keeping the layout of a document's unchanged parts between prints.

A document's forced page breaks (a section that starts with ``rtplan-page-break``: the
handout's berita acara and daftar hadir) cut it into parts that are laid out
independently: nothing flows across such a break. The PDF engine's process of a
:class:`~rtplan.documents.build.DocumentSession` lays out only the parts that changed
since its last prints and takes the pages of the others as they were. A typo fixed in a
decision is laid out again in the summary and the berita acara; the daftar hadir's pages
are reused.

A part's pages depend on its HTML (with the document's head: the print CSS), on the
number of its first page and on the document's page count (``Halaman x dari y``), so they
are kept under all three. The page counts of the parts that changed are taken from the
last print; a part laid out that turns out longer or shorter makes the whole document
laid out again in one piece (the first print is in one piece too). Whatever the path, the
pages are the ones WeasyPrint lays out for the whole document: the same text, at the same
places.

Documents whose CSS carries anything that crosses page breaks (running strings and
elements, ``target-counter``, page counters set by the document, left/right/first pages)
are always laid out in one piece.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from rtplan.compat import keep_encoded_images

# a section of rtplan's document template whose first element forces a page break
_PART_START = re.compile(
    r'<section class="rtplan-output">(?=<div class="rtplan-html"><[a-z0-9]+ class="rtplan-page-break">)')
_BODY_START = '<main class="rtplan-doc">'
_BODY_END = "</main>"
_PART_ID = "rtplan-part-{}"
# CSS that ties one page to another, or to the document's first page: never split such a document
_CROSSING = re.compile(r"string\(|string-set|running\(|element\(|target-counter|target-text|counter-reset|"
                       r"counter-set|counter-increment|footnote|bookmark-|@page[^{]*:(?:first|left|right|blank|nth)",
                       re.IGNORECASE)
# the page count in the running footer (``counter(pages)`` right after a CSS string)
_PAGES = '" counter(pages)'

KEPT = 12  # parts' layouts kept (a handout has three; a few documents and languages)


@dataclass(frozen=True)
class Split:
    """A document cut at its forced page breaks: ``head + part + tail`` is a document."""

    head: str
    parts: tuple[str, ...]
    tail: str

    def document(self, i: int) -> str:
        return self.head + self.parts[i] + self.tail


def split_document(html: str) -> Split | None:
    """``html`` cut before each section that starts a page, or ``None`` (one piece only)."""
    start, end = html.find(_BODY_START), html.rfind(_BODY_END)
    if start < 0 or end < start:
        return None
    start += len(_BODY_START)
    head, body, tail = html[:start], html[start:end], html[end:]
    style = head[head.find("<style"):]
    if _CROSSING.search(style) or "<style" in body or "<link" in body or head.count(_PAGES) > 1:
        return None
    cuts = [m.start() for m in _PART_START.finditer(body)]
    if not cuts or body.count('<section class="rtplan-output">') == 0:
        return None
    bounds = [0, *[c for c in cuts if c > 0], len(body)]
    parts = []
    for i, (a, b) in enumerate(itertools.pairwise(bounds)):
        part = body[a:b]
        # an id on each part's first section tells, in a print in one piece, where each part begins
        parts.append(part.replace('<section class="rtplan-output">',
                                  f'<section class="rtplan-output" id="{_PART_ID.format(i)}">', 1))
    if len(parts) < 2 or any(not p.startswith('<section class="rtplan-output" id=') for p in parts):
        return None
    return Split(head, tuple(parts), tail)


def numbered(split: Split, i: int, first_page: int, total: int) -> str:
    """Part ``i`` as a document of its own whose pages are numbered from ``first_page`` of ``total``."""
    head = split.head.replace(_PAGES, f'" "{int(total)}"')
    rule = f"<style>@page :first {{ counter-reset: page {int(first_page)} }}</style>"
    at = head.rfind("</head>")
    head = head[:at] + rule + head[at:] if at >= 0 else head + rule
    return head + split.parts[i] + split.tail


def _key(*texts: str) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class PartPrinter:
    """Prints HTML with WeasyPrint, laying out again only the parts that changed (see the module)."""

    def __init__(self, kept: int = KEPT) -> None:
        keep_encoded_images()
        self.kept = kept
        self._pages: OrderedDict[tuple[str, int, int], tuple[Any, list[Any]]] = OrderedDict()
        self._counts: dict[str, int] = {}  # part -> its number of pages
        self._last: dict[str, tuple[int, ...]] = {}  # document (head, number of parts) -> page counts
        self._pdf: tuple[tuple[tuple[str, int, int], ...], bytes] | None = None  # the last PDF, by its pages
        self.laid_out: list[str] = []  # what the last print laid out: "whole" or the parts' numbers (tests)

    def print(self, html: str, base_url: str, render: Any) -> bytes:
        """The PDF of ``html``; ``render(html)`` lays out a document (a WeasyPrint ``Document``)."""
        split = split_document(html)
        if split is None:
            self.laid_out = ["whole"]
            return bytes(render(html).write_pdf())
        keys = [_key(base_url, split.head, part, split.tail) for part in split.parts]
        doc_key = _key(base_url, split.head, str(len(split.parts)))
        counts = [self._counts.get(k) for k in keys]
        guess = self._last.get(doc_key)
        if guess is not None:
            counts = [c if c is not None else g for c, g in zip(counts, guess)]
        if None in counts:
            return self._whole(split, keys, doc_key, render)
        known = [int(c) for c in counts if c is not None]
        total = sum(known)
        slots = tuple((key, 1 + sum(known[:i]), total) for i, key in enumerate(keys))
        if self._pdf is not None and self._pdf[0] == slots and all(s in self._pages for s in slots):
            self.laid_out = []
            return self._pdf[1]  # the same document as last time
        pages: list[Any] = []
        first_doc = None
        laid_out = []
        first = 1
        for i, (key, count) in enumerate(zip(keys, known)):
            slot = (key, first, total)
            if slot in self._pages:
                self._pages.move_to_end(slot)
                doc, part_pages = self._pages[slot]
            else:
                doc = render(numbered(split, i, first, total))
                part_pages = list(doc.pages)
                laid_out.append(str(i))
                if len(part_pages) != count:  # longer or shorter than last time: all in one piece
                    return self._whole(split, keys, doc_key, render)
                self._keep(slot, doc, part_pages)
                self._counts[key] = count
            first_doc = first_doc or doc
            pages.extend(part_pages)
            first += count
        self.laid_out = laid_out
        self._last[doc_key] = tuple(known)
        assert first_doc is not None
        pdf = bytes(first_doc.copy(pages).write_pdf())
        self._pdf = (slots, pdf)
        return pdf

    def _whole(self, split: Split, keys: list[str], doc_key: str, render: Any) -> bytes:
        """Lay the document out in one piece, and keep each part's pages from it."""
        doc = render(split.head + "".join(split.parts) + split.tail)
        starts = []
        for i in range(len(split.parts)):
            anchor = _PART_ID.format(i)
            where = [n for n, page in enumerate(doc.pages) if anchor in page.anchors]
            starts.append(where[0] if where else -1)
        self.laid_out = ["whole"]
        total = len(doc.pages)
        if starts[0] == 0 and all(b > a for a, b in itertools.pairwise(starts)):
            ends = [*starts[1:], total]
            for key, start, end in zip(keys, starts, ends):
                self._counts[key] = end - start
                self._keep((key, start + 1, total), doc, list(doc.pages[start:end]))
            self._last[doc_key] = tuple(e - s for s, e in zip(starts, ends))
            pdf = bytes(doc.write_pdf())
            self._pdf = (tuple((key, start + 1, total) for key, start in zip(keys, starts)), pdf)
            return pdf
        return bytes(doc.write_pdf())

    def _keep(self, slot: tuple[str, int, int], doc: Any, pages: list[Any]) -> None:
        self._pages[slot] = (doc, pages)
        while len(self._pages) > self.kept:
            self._pages.popitem(last=False)
