"""The cross-encoder: MiniLM-L6 with a 3-way stance head and a key-point match head.

One shared encoder keeps the shipped weights small (one int8 MiniLM is about 23 MB).
Both heads read the masked mean of the last hidden states, the pooling MiniLM was trained with.
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import AutoModel


class CrossEncoder(nn.Module):
    def __init__(self, encoder_path: str, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(encoder_path)
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.stance = nn.Linear(hidden, 3)
        self.match = nn.Linear(hidden, 1)
        # MPNet has no segment embeddings: the pair's two texts are told apart by separators only.
        self.reads_types = getattr(self.encoder.config, "type_vocab_size", 0) > 1

    def pooled(self, input_ids, attention_mask, token_type_ids):
        types = {"token_type_ids": token_type_ids} if self.reads_types else {}
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **types)
        return mean_pooled(out.last_hidden_state, attention_mask)

    def forward(self, input_ids, attention_mask, token_type_ids):
        """Returns (stance logits [B,3], match logit [B], pooled embedding [B,H])."""
        pooled = self.pooled(input_ids, attention_mask, token_type_ids)
        h = self.dropout(pooled)
        return self.stance(h), self.match(h).squeeze(-1), pooled


class TwoBranch(nn.Module):
    """Two cross-encoders that share their embeddings and lowest layers (the stance one was
    trained with them frozen) as one model: the shared trunk once, then each model's upper
    layers; stance logits from the stance model's branch, match logit and pooled vector from
    the match model's. The weights of the shared part are stored once. With ``both_stances``
    the stance output is the mean of the two branches' stance probabilities, as logits (their
    log: a softmax of it gives the mean back)."""

    def __init__(self, stance_model: CrossEncoder, match_model: CrossEncoder, shared: int,
                 both_stances: bool = False) -> None:
        super().__init__()
        self.stance_model, self.match_model, self.shared = stance_model, match_model, shared
        self.both_stances = both_stances

    def forward(self, input_ids, attention_mask, token_type_ids):
        encoder = self.match_model.encoder
        hidden = encoder.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
        mask, _ = encoder._create_attention_masks(attention_mask=attention_mask, encoder_attention_mask=None,
                                                  embedding_output=hidden, encoder_hidden_states=None,
                                                  cache=None)
        for layer in encoder.encoder.layer[:self.shared]:
            hidden = layer(hidden, mask)
        on_stance = mean_pooled(self._upper(self.stance_model, hidden, mask), attention_mask)
        on_match = mean_pooled(self._upper(self.match_model, hidden, mask), attention_mask)
        stance = self.stance_model.stance(on_stance)
        if self.both_stances:
            probs = (stance.softmax(-1) + self.match_model.stance(on_match).softmax(-1)) / 2
            stance = probs.clamp(min=1e-12).log()
        return stance, self.match_model.match(on_match).squeeze(-1), on_match

    def _upper(self, model: CrossEncoder, hidden, mask):
        for layer in model.encoder.encoder.layer[self.shared:]:
            hidden = layer(hidden, mask)
        return hidden


def mean_pooled(hidden, attention_mask):
    """The masked mean of the token states."""
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)


class TypeClassifier(nn.Module):
    """MiniLM-L6 with one linear head over the mean-pooled tokens: the PLOVER event type
    (16 types and NONE) of a sentence whose source and target are marked in the text."""

    def __init__(self, encoder_path: str, labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(encoder_path)
        self.dropout = nn.Dropout(dropout)
        self.types = nn.Linear(self.encoder.config.hidden_size, labels)

    def forward(self, input_ids, attention_mask, token_type_ids):
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        return self.types(self.dropout(mean_pooled(out.last_hidden_state, attention_mask)))
