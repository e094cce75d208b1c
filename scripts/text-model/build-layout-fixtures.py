#!/usr/bin/python3
"""Writes the tiny model folders the text-model tests load (src/compressors/text-model/__fixtures__/).

    build-layout-fixtures.py OUT_DIR

Each folder has a published layout and a hand-set network whose keep score depends on the token only:
the words "alpha" and "gamma" score high, every other word low, so a test can say what must be kept.
- bert-wordpiece-llmlingua2: LLMLingua-2's layout (BERT, WordPiece, LABEL_0/LABEL_1, token_type_ids,
  onnx/model.onnx with logits [batch, tokens, 2], label 1 keeps).
- modernbert-bytebpe-kompress: Kompress's family (ModernBERT, byte-level BPE, no token_type_ids,
  onnx/model.onnx with logits); its labels are named keep/drop with keep first, so names decide, not positions.
- keep-score-root: one keep probability per token (output keep_scores [batch, tokens]) in model.onnx at the root.
"""
import json
import os
import sys

import torch

KEEP_WORDS = ("alpha", "gamma")
WORDS = ("alpha", "beta", "gamma", "delta", "the", "of", "and", "line")


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def special_added(tokens, ids):
    return [{"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True} for t in tokens]


def template(cls, sep, ids):
    return {
        "type": "TemplateProcessing",
        "single": [{"SpecialToken": {"id": cls, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": sep, "type_id": 0}}],
        "pair": [{"SpecialToken": {"id": cls, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": sep, "type_id": 0}},
                 {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": sep, "type_id": 1}}],
        "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in (cls, sep)},
    }


def wordpiece_folder(out):
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    characters = [chr(c) for c in range(33, 127)]
    vocab = specials + list(WORDS) + characters + ["##" + c for c in characters if c.isalnum()]
    ids = {t: i for i, t in enumerate(vocab)}
    write_json(os.path.join(out, "tokenizer.json"), {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": special_added(specials, ids),
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": False},
        "pre_tokenizer": {"type": "BertPreTokenizer"}, "post_processor": template("[CLS]", "[SEP]", ids),
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": ids},
    })
    write_json(os.path.join(out, "tokenizer_config.json"), {"tokenizer_class": "BertTokenizer", "do_lower_case": False, "model_max_length": 512,
                                                              "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"})
    write_json(os.path.join(out, "special_tokens_map.json"), {"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"})
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(vocab) + "\n")
    return vocab


def byte_level_alphabet():
    """GPT-2's byte-to-character table, which byte-level BPE vocabularies are written in."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\u00a1"), ord("\u00ac") + 1)) + list(range(ord("\u00ae"), ord("\u00ff") + 1))
    characters = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            characters.append(256 + extra)
            extra += 1
    return [chr(c) for c in characters]


def byte_bpe_folder(out):
    specials = ["[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]"]
    alphabet = byte_level_alphabet()
    vocab = list(specials) + alphabet
    merges = []
    for word in WORDS:
        piece = "\u0120" + word[0]
        merges.append(f"\u0120 {word[0]}")
        vocab.append(piece) if piece not in vocab else None
        for ch in word[1:]:
            merges.append(f"{piece} {ch}")
            piece += ch
            vocab.append(piece) if piece not in vocab else None
    merges = list(dict.fromkeys(merges))
    ids = {t: i for i, t in enumerate(vocab)}
    write_json(os.path.join(out, "tokenizer.json"), {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": special_added(specials, ids),
        "normalizer": {"type": "NFC"},
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "post_processor": template("[CLS]", "[SEP]", ids),
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None, "end_of_word_suffix": None,
                  "fuse_unk": False, "byte_fallback": False, "ignore_merges": False, "vocab": ids, "merges": merges},
    })
    write_json(os.path.join(out, "tokenizer_config.json"), {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 8192, "clean_up_tokenization_spaces": True,
                                                              "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"})
    write_json(os.path.join(out, "special_tokens_map.json"), {"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"})
    return vocab


def keep_logit_table(vocab, keep_first):
    """Two logits per token id: +4 keep for pieces of the keep words, -4 otherwise."""
    table = torch.zeros(len(vocab), 2)
    keep, drop = (0, 1) if keep_first else (1, 0)
    for index, token in enumerate(vocab):
        core = token.replace("##", "").replace("\u0120", "")
        table[index, keep] = 4.0 if core in KEEP_WORDS else -4.0
        table[index, drop] = 0.0
    return table


class TableModel(torch.nn.Module):
    """logits = table[input_ids], with attention_mask (and token_type_ids) consumed as a BERT graph would."""

    def __init__(self, table, with_types, single_score):
        super().__init__()
        self.table = torch.nn.Embedding.from_pretrained(table, freeze=True)
        self.types = torch.nn.Embedding.from_pretrained(torch.zeros(2, table.shape[1]), freeze=True) if with_types else None
        self.single_score = single_score

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        logits = self.table(input_ids) + (attention_mask.unsqueeze(-1).float() - 1.0) * 100.0
        if self.types is not None:
            logits = logits + self.types(token_type_ids)
        if self.single_score:
            return torch.sigmoid(logits[..., 1] - logits[..., 0])
        return logits


def export(model, path, with_types, output):
    sample = torch.tensor([[1, 5, 6, 2]])
    inputs = (sample, torch.ones_like(sample)) + ((torch.zeros_like(sample),) if with_types else ())
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if with_types else [])
    dynamic = {name: {0: "batch", 1: "tokens"} for name in names + [output]}
    torch.onnx.export(model, inputs, path, input_names=names, output_names=[output], dynamic_axes=dynamic, opset_version=14)


def config(model_type, vocab, labels):
    return {"architectures": [f"{'Bert' if model_type == 'bert' else 'ModernBert'}ForTokenClassification"], "model_type": model_type,
            "vocab_size": len(vocab), "hidden_size": 2, "num_hidden_layers": 0, "num_attention_heads": 1, "max_position_embeddings": 512,
            "id2label": labels, "label2id": {name: int(index) for index, name in labels.items()}}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    torch.manual_seed(0)

    out = os.path.join(root, "bert-wordpiece-llmlingua2")
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    vocab = wordpiece_folder(out)
    export(TableModel(keep_logit_table(vocab, keep_first=False), True, False), os.path.join(out, "onnx", "model.onnx"), True, "logits")
    write_json(os.path.join(out, "config.json"), config("bert", vocab, {"0": "LABEL_0", "1": "LABEL_1"}))

    out = os.path.join(root, "modernbert-bytebpe-kompress")
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    vocab = byte_bpe_folder(out)
    export(TableModel(keep_logit_table(vocab, keep_first=True), False, False), os.path.join(out, "onnx", "model.onnx"), False, "logits")
    write_json(os.path.join(out, "config.json"), config("modernbert", vocab, {"0": "keep", "1": "drop"}))

    out = os.path.join(root, "keep-score-root")
    os.makedirs(out, exist_ok=True)
    vocab = wordpiece_folder(out)
    os.remove(os.path.join(out, "vocab.txt"))
    os.remove(os.path.join(out, "special_tokens_map.json"))
    export(TableModel(keep_logit_table(vocab, keep_first=False), False, True), os.path.join(out, "model.onnx"), False, "keep_scores")
    write_json(os.path.join(out, "config.json"), config("bert", vocab, {"0": "keep"}))
    print(f"wrote {root}")


if __name__ == "__main__":
    main()
