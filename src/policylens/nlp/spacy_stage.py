"""The NLP stage: sentences, tokens, entities and the dependency parse with spaCy."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, DocBin

from ..stages import Rows, StageContext
from .model import load_nlp, model_label

# The parse is stored so later stages need not parse again.
DOCBIN_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP",
                "ENT_IOB", "ENT_TYPE", "SENT_START"]


class SpacyStage:
    name = "nlp.spacy"
    version = "v2"
    level = "document"
    requires: tuple[str, ...] = ()
    writes = ("sentences", "mentions", "parses")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        nlp = load_nlp(ctx.settings.spacy_model)
        texts = [row["text"] for row in batch]
        rows: Rows = {"sentences": [], "mentions": [], "parses": []}
        for row, doc in zip(batch, nlp.pipe(texts, batch_size=ctx.settings.batch_size)):
            self._rows(row["id"], doc, model_label(nlp), rows)
        return rows

    def _rows(self, doc_id: str, doc: Doc, model: str, rows: Rows) -> None:
        stamp = {"stage": self.name, "stage_version": self.version}
        sent_ids = []
        for idx, sent in enumerate(doc.sents):
            sent_id = f"{doc_id}:{idx}"
            sent_ids.append((sent.start, sent.end, sent_id))
            start, end = _trimmed(sent.text, sent.start_char)
            rows["sentences"].append({"id": sent_id, "doc_id": doc_id, "idx": idx,
                                      "start": start, "end": end,
                                      "text": doc.text[start:end], **stamp})
        for ent in doc.ents:
            sent_id = next(s for a, b, s in sent_ids if a <= ent.start < b)
            rows["mentions"].append({"id": f"{doc_id}:{ent.start_char}:{ent.end_char}",
                                     "doc_id": doc_id, "sentence_id": sent_id,
                                     "start": ent.start_char, "end": ent.end_char,
                                     "text": ent.text, "label": ent.label_, **stamp})
        data = DocBin(attrs=DOCBIN_ATTRS, docs=[doc]).to_bytes()
        rows["parses"].append({"doc_id": doc_id, "model": model, "data": data, **stamp})


def _trimmed(text: str, offset: int) -> tuple[int, int]:
    """Offsets of the sentence without the white space spaCy attaches to it."""
    start = offset + len(text) - len(text.lstrip())
    return start, offset + len(text.rstrip())


def restore_doc(data: bytes, ctx: StageContext) -> Doc:
    """The parsed spaCy Doc stored by this stage."""
    nlp = load_nlp(ctx.settings.spacy_model)
    return next(DocBin().from_bytes(data).get_docs(nlp.vocab))
