#!/usr/bin/python3
"""Builds terse's text model (see docs/text-model.md) with Debian's python3-torch and python3-onnx.

    train-text-model.py vocab BLOCKS.jsonl MODEL_DIR   # learns a WordPiece vocabulary, writes the tokenizer files
    train-text-model.py train IDS.jsonl MODEL_DIR      # trains the encoder, exports onnx/model.onnx and config.json

The folder it writes has the layout LLMLingua-2 publishes (a BERT token classifier): config.json,
tokenizer.json, tokenizer_config.json, special_tokens_map.json, vocab.txt and onnx/model.onnx with
inputs input_ids, attention_mask, token_type_ids and output logits [batch, tokens, 2] (label 1 = keep).
Everything is seeded and runs on one CPU thread pool, so a rebuild gives the same weights.
"""
import heapq
import json
import math
import os
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP = 0, 1, 2, 3
VOCAB_SIZE = 4096
MAX_ALPHABET = 400
# Windows of 128 tokens: a word's keep/drop needs its sentence, not its page, and a CPU trains 4x faster.
MAX_POSITIONS = 128
WINDOW = MAX_POSITIONS - 2
HIDDEN, LAYERS, HEADS, FFN = 128, 2, 4, 256
EPOCHS, BATCH, LEARNING_RATE, WEIGHT_DECAY, DROPOUT = 6, 32, 1e-3, 0.01, 0.1
SEED = 16


def is_punctuation(ch):
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def pre_tokens(word):
    """BertPreTokenizer's split of one white-space-free word: punctuation characters stand alone."""
    out, current = [], ""
    for ch in word:
        if unicodedata.category(ch).startswith("C"):
            continue
        if is_punctuation(ch):
            if current:
                out.append(current)
            out.append(ch)
            current = ""
        else:
            current += ch
    if current:
        out.append(current)
    return out


def learn_vocabulary(blocks_file):
    """WordPiece vocabulary the way the Hugging Face trainer learns it: BPE merges over words, '##' inside words."""
    counts = Counter()
    with open(blocks_file, encoding="utf-8") as handle:
        for line in handle:
            block = json.loads(line)
            if block["split"] != "train":
                continue
            for word in block["words"]:
                counts.update(pre_tokens(word))
    characters = Counter()
    for token, count in counts.items():
        for ch in token:
            characters[ch] += count
    alphabet = [ch for ch, _ in sorted(characters.items(), key=lambda item: (-item[1], item[0]))[:MAX_ALPHABET]]
    allowed = set(alphabet)
    vocab = list(SPECIALS)
    seen = set(vocab)

    def add(symbol):
        if symbol not in seen:
            seen.add(symbol)
            vocab.append(symbol)

    words, weights = [], []
    for token, count in sorted(counts.items()):
        if not all(ch in allowed for ch in token):
            continue
        symbols = [token[0]] + ["##" + ch for ch in token[1:]]
        for symbol in symbols:
            add(symbol)
        words.append(symbols)
        weights.append(count)
    pair_counts = defaultdict(int)
    where = defaultdict(set)
    for index, symbols in enumerate(words):
        for pair in zip(symbols, symbols[1:]):
            pair_counts[pair] += weights[index]
            where[pair].add(index)
    heap = [(-count, pair) for pair, count in pair_counts.items()]
    heapq.heapify(heap)
    while len(vocab) < VOCAB_SIZE and heap:
        negative, pair = heapq.heappop(heap)
        current = pair_counts.get(pair, 0)
        if current != -negative:
            if current > 0:
                heapq.heappush(heap, (-current, pair))
            continue
        if current < 2:
            break
        merged = pair[0] + pair[1][2:]
        add(merged)
        for index in sorted(where.pop(pair, ())):
            symbols, weight = words[index], weights[index]
            for old in zip(symbols, symbols[1:]):
                pair_counts[old] -= weight
            out, at = [], 0
            while at < len(symbols):
                if at + 1 < len(symbols) and (symbols[at], symbols[at + 1]) == pair:
                    out.append(merged)
                    at += 2
                else:
                    out.append(symbols[at])
                    at += 1
            words[index] = out
            for new in zip(out, out[1:]):
                pair_counts[new] += weight
                where[new].add(index)
                heapq.heappush(heap, (-pair_counts[new], new))
        pair_counts.pop(pair, None)
    return vocab


def write_tokenizer(vocab, model_dir):
    os.makedirs(model_dir, exist_ok=True)
    ids = {token: index for index, token in enumerate(vocab)}
    special = lambda token, type_id=0: {"SpecialToken": {"id": token, "type_id": type_id}}
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": index, "content": token, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for index, token in enumerate(SPECIALS)
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": False},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]")],
            "pair": [special("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special("[SEP]"), {"Sequence": {"id": "B", "type_id": 1}}, special("[SEP]", 1)],
            "special_tokens": {token: {"id": token, "ids": [ids[token]], "tokens": [token]} for token in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": ids},
    }
    write_json(os.path.join(model_dir, "tokenizer.json"), tokenizer)
    write_json(os.path.join(model_dir, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer", "do_lower_case": False, "tokenize_chinese_chars": True, "strip_accents": None,
        "model_max_length": MAX_POSITIONS, "clean_up_tokenization_spaces": True,
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
    })
    write_json(os.path.join(model_dir, "special_tokens_map.json"), {
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
    })
    with open(os.path.join(model_dir, "vocab.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(vocab) + "\n")


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=1, sort_keys=False)
        handle.write("\n")


def windows_of(block):
    """The block's words packed in order into windows of at most WINDOW tokens, as word-scorer.ts packs them."""
    windows, ids, labels = [], [], []
    for pieces, label in zip(block["pieces"], block["labels"]):
        if ids and len(ids) + len(pieces) > WINDOW:
            windows.append((ids, labels))
            ids, labels = [], []
        ids.extend(pieces[:WINDOW])
        labels.extend([label] * len(pieces[:WINDOW]))
    if ids:
        windows.append((ids, labels))
    return [([CLS] + w_ids + [SEP], [-100] + w_labels + [-100]) for w_ids, w_labels in windows]


def build_model(torch, vocab_size):
    nn = torch.nn

    class SelfAttention(nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
            self.out = nn.Linear(HIDDEN, HIDDEN)
            self.dropout = nn.Dropout(DROPOUT)

        def forward(self, x, bias):
            batch, length, _ = x.shape
            q, k, v = self.qkv(x).view(batch, length, 3, HEADS, HIDDEN // HEADS).permute(2, 0, 3, 1, 4)
            weights = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias, dim=-1)
            return self.dropout(self.out((self.dropout(weights) @ v).transpose(1, 2).reshape(batch, length, HIDDEN)))

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.attention = SelfAttention()
            self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.feed_forward = nn.Sequential(nn.Linear(HIDDEN, FFN), nn.GELU(), nn.Linear(FFN, HIDDEN), nn.Dropout(DROPOUT))
            self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)

        def forward(self, x, bias):
            x = self.attention_norm(x + self.attention(x, bias))
            return self.output_norm(x + self.feed_forward(x))

    class BertTokenClassifier(nn.Module):
        """BERT's architecture at a small size: embeddings, post-norm encoder layers, a two-label head."""

        def __init__(self):
            super().__init__()
            self.words = nn.Embedding(vocab_size, HIDDEN, padding_idx=PAD)
            self.positions = nn.Embedding(MAX_POSITIONS, HIDDEN)
            self.token_types = nn.Embedding(2, HIDDEN)
            self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.dropout = nn.Dropout(DROPOUT)
            self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])
            self.classifier = nn.Linear(HIDDEN, 2)

        def forward(self, input_ids, attention_mask, token_type_ids):
            positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
            x = self.dropout(self.norm(self.words(input_ids) + self.positions(positions) + self.token_types(token_type_ids)))
            bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
            for layer in self.layers:
                x = layer(x, bias)
            return self.classifier(x)

    return BertTokenClassifier()


def word_metrics(torch, model, blocks):
    """Word-level accuracy, precision, recall, F1 and ROC AUC of held-back blocks (a word's score: the mean of its tokens')."""
    scores, labels = [], []
    model.eval()
    with torch.no_grad():
        for block in blocks:
            token_scores = []
            for ids, _ in windows_of(block):
                tensor = torch.tensor([ids])
                logits = model(tensor, torch.ones_like(tensor), torch.zeros_like(tensor))
                token_scores.extend(torch.softmax(logits, -1)[0, 1:-1, 1].tolist())
            at = 0
            for pieces, label in zip(block["pieces"], block["labels"]):
                count = len(pieces[:WINDOW])
                scores.append(sum(token_scores[at:at + count]) / count if count else 0.0)
                labels.append(label)
                at += count
    tp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and l == 1)
    fp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and l == 0)
    fn = sum(1 for s, l in zip(scores, labels) if s < 0.5 and l == 1)
    correct = sum(1 for s, l in zip(scores, labels) if (s >= 0.5) == (l == 1))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "words": len(labels),
        "accuracy": correct / len(labels),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def train(ids_file, model_dir):
    import torch

    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    with open(os.path.join(model_dir, "vocab.txt"), encoding="utf-8") as handle:
        vocab_size = sum(1 for _ in handle)
    train_blocks, held_out = [], defaultdict(list)
    with open(ids_file, encoding="utf-8") as handle:
        for line in handle:
            block = json.loads(line)
            (train_blocks if block["split"] == "train" else held_out[block["source"]]).append(block)
    windows = [window for block in train_blocks for window in windows_of(block)]
    model = build_model(torch, vocab_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    steps = EPOCHS * math.ceil(len(windows) / BATCH)
    warmup = max(1, steps // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup))))
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    print(f"{len(train_blocks)} training blocks, {len(windows)} windows, {sum(p.numel() for p in model.parameters())} parameters, {steps} steps", flush=True)
    started = time.time()
    for epoch in range(EPOCHS):
        model.train()
        order = list(range(len(windows)))
        random.shuffle(order)
        total = 0.0
        for start in range(0, len(order), BATCH):
            batch = [windows[index] for index in order[start:start + BATCH]]
            length = max(len(ids) for ids, _ in batch)
            input_ids = torch.tensor([ids + [PAD] * (length - len(ids)) for ids, _ in batch])
            labels = torch.tensor([tags + [-100] * (length - len(tags)) for _, tags in batch])
            mask = (input_ids != PAD).long()
            logits = model(input_ids, mask, torch.zeros_like(input_ids))
            loss = loss_of(logits.reshape(-1, 2), labels.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            total += loss.item() * len(batch)
            step = start // BATCH + 1
            if step % 50 == 0:
                print(f"  epoch {epoch + 1} step {step}: loss {loss.item():.4f}, {time.time() - started:.0f} s", flush=True)
        figures = {source: round(word_metrics(torch, model, blocks)["f1"], 3) for source, blocks in sorted(held_out.items())}
        print(f"epoch {epoch + 1}: loss {total / len(windows):.4f}, held-back F1 {figures}", flush=True)
    model.eval()
    export(torch, model, vocab_size, model_dir)


def export(torch, model, vocab_size, model_dir):
    import onnx

    os.makedirs(os.path.join(model_dir, "onnx"), exist_ok=True)
    path = os.path.join(model_dir, "onnx", "model.onnx")
    sample = torch.tensor([[CLS, 7, 8, 9, SEP]])
    dynamic = {name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids", "logits")}
    torch.onnx.export(model, (sample, torch.ones_like(sample), torch.zeros_like(sample)), path, input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], dynamic_axes=dynamic, opset_version=14, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))
    write_json(os.path.join(model_dir, "config.json"), {
        "architectures": ["BertForTokenClassification"], "model_type": "bert", "vocab_size": vocab_size, "hidden_size": HIDDEN,
        "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": FFN, "hidden_act": "gelu",
        "hidden_dropout_prob": DROPOUT, "attention_probs_dropout_prob": DROPOUT, "max_position_embeddings": MAX_POSITIONS,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": PAD,
        "id2label": {"0": "drop", "1": "keep"}, "label2id": {"drop": 0, "keep": 1},
    })
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("vocab", "train"):
        sys.exit(__doc__)
    command, source, model_dir = sys.argv[1:]
    if command == "vocab":
        vocab = learn_vocabulary(source)
        write_tokenizer(vocab, model_dir)
        print(f"vocabulary of {len(vocab)} pieces written to {model_dir}")
    else:
        train(source, model_dir)


if __name__ == "__main__":
    main()
