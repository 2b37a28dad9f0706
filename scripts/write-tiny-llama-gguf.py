#!/usr/bin/env python3
"""Writes a tiny llama-architecture GGUF with random weights, for the explainer's tests.

The model is nonsense on purpose: 2 layers, a 64-wide embedding and a SentencePiece-style
vocabulary of byte tokens <0x00>..<0xFF> plus Hangul pieces (the KS X 1001 syllables), digits
and welfare words.
llama.cpp loads it like any llama model and streams random text (control characters
included), which the kiosk's grounding guard must refuse. Weights are drawn from a fixed seed
so the file is the same on every machine.

    python3 scripts/write-tiny-llama-gguf.py OUT.gguf
"""
import sys

import numpy as np
import gguf

N_EMBD, N_LAYER, N_HEAD, N_FF, N_CTX = 64, 2, 4, 128, 8192

PIECES = [
    "▁", "가", "나", "다", "요", "어", "해", "수", "있", "을", "는", "이", "에", "원", "만",
    "▁받을", "▁수", "▁있어요", "▁기초연금", "▁아동수당", "▁생계급여", "▁신청", "▁서류",
    "▁0", "▁1", "▁2", "▁3", "▁5", "▁10", "▁30", "만원", "%", ".", "▁원",
]


def hangul_syllables():
    """The 2,350 syllables of KS X 1001, which cover everyday Korean: one token per syllable
    keeps the kiosk's Korean prompt to a few thousand tokens instead of three per syllable."""
    out = []
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes([lead, trail]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    return out


def main(path):
    rng = np.random.default_rng(20260601)
    tokens, scores, types = [], [], []
    T = gguf.TokenType
    for text, kind in (("<unk>", T.UNKNOWN), ("<s>", T.CONTROL), ("</s>", T.CONTROL)):
        tokens.append(text.encode()); scores.append(0.0); types.append(kind)
    for b in range(256):
        tokens.append(f"<0x{b:02X}>".encode()); scores.append(0.0); types.append(T.BYTE)
    pieces = PIECES + [s for s in hangul_syllables() if s not in PIECES]
    for i, piece in enumerate(pieces):
        tokens.append(piece.encode()); scores.append(-float(i)); types.append(T.NORMAL)
    n_vocab = len(tokens)

    w = gguf.GGUFWriter(path, "llama")
    w.add_name("kiosk-test-random-llama")
    w.add_context_length(N_CTX)
    w.add_embedding_length(N_EMBD)
    w.add_block_count(N_LAYER)
    w.add_feed_forward_length(N_FF)
    w.add_head_count(N_HEAD)
    w.add_head_count_kv(N_HEAD)
    w.add_rope_dimension_count(N_EMBD // N_HEAD)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)
    w.add_add_eos_token(False)

    def t(name, *shape, scale=0.02):
        w.add_tensor(name, (rng.standard_normal(shape) * scale).astype(np.float32))

    t("token_embd.weight", n_vocab, N_EMBD)
    w.add_tensor("output_norm.weight", np.ones(N_EMBD, dtype=np.float32))
    t("output.weight", n_vocab, N_EMBD)
    for i in range(N_LAYER):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        t(f"blk.{i}.attn_q.weight", N_EMBD, N_EMBD)
        t(f"blk.{i}.attn_k.weight", N_EMBD, N_EMBD)
        t(f"blk.{i}.attn_v.weight", N_EMBD, N_EMBD)
        t(f"blk.{i}.attn_output.weight", N_EMBD, N_EMBD)
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        t(f"blk.{i}.ffn_gate.weight", N_FF, N_EMBD)
        t(f"blk.{i}.ffn_up.weight", N_FF, N_EMBD)
        t(f"blk.{i}.ffn_down.weight", N_EMBD, N_FF)

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: write-tiny-llama-gguf.py OUT.gguf")
    main(sys.argv[1])
