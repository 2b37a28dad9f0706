#!/usr/bin/env python3
"""Counts the citizen-facing texts of rule packs per language (parameters and tests are staff-facing).

A text is a mapping keyed by language (`{ko: …, en: …}`) or a plain string where a text
belongs (a Korean-only label). Usage: scripts/count-pack-texts.py rules/kr-welfare rules/kr-culture
"""
import pathlib
import sys

import yaml

LANGUAGES = ("ko", "en", "zh", "vi")
# Keys whose value is a text a citizen may read (a plain string there is Korean only).
TEXT_KEYS = {"name", "label", "question", "description", "unmet", "text", "office", "story", "when_to_apply", "reason"}
totals = {language: 0 for language in LANGUAGES}
texts = 0


def is_text(node):
    return isinstance(node, dict) and "ko" in node and set(node) <= set(LANGUAGES)


def visit(node, key=None):
    global texts
    if is_text(node):
        texts += 1
        for language in LANGUAGES:
            if isinstance(node.get(language), str) and node[language].strip():
                totals[language] += 1
        return
    if isinstance(node, str) and key in TEXT_KEYS:
        texts += 1
        totals["ko"] += 1
        return
    if isinstance(node, dict):
        for k, v in node.items():
            visit(v, k)
    elif isinstance(node, list):
        for item in node:
            visit(item, "text" if key == "documents" else key)


for folder in sys.argv[1:] or ["rules/kr-welfare", "rules/kr-culture"]:
    for path in sorted(pathlib.Path(folder).rglob("*.yaml")):
        if "tests" in path.parts or "parameters" in path.parts:
            continue
        try:
            visit(yaml.safe_load(path.read_text(encoding="utf-8")))
        except yaml.YAMLError as error:
            print(f"{path}: skipped, PyYAML cannot read it ({error.problem})", file=sys.stderr)
print(f"{texts} texts: " + ", ".join(f"{language} {totals[language]}" for language in LANGUAGES))
