"""Extraction speed on one core: articles per second and peak memory.

    python benchmarks/extract_speed.py [--limit 3000] [--corpus ../shared/corpus/saudinewsnet]

Reads SaudiNewsNet articles (streamed from the zips), then times extraction alone (ingest excluded),
and prints articles/s, the time per stage, and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from arabic_kg.pipeline import ExtractOptions, get_extractor, iter_inputs
from arabic_kg.resolve import resolve
from arabic_kg.text import split_sentences, tokenize

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--ner", default="builtin")
    args = ap.parse_args()

    articles = []
    for article in iter_inputs([args.corpus]):
        articles.append(article)
        if len(articles) >= args.limit:
            break
    chars = sum(len(a.text) for a in articles)
    extractor = get_extractor(ExtractOptions(ner=args.ner))

    # Cold: the first pass fills the per-word caches (normalized forms, tagger features), which
    # a long build fills within its first few hundred articles; warm: the steady state.
    t0 = time.perf_counter()
    for a in articles:
        extractor.extract(a)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in articles:
        extractor.extract(a)
    total = time.perf_counter() - t0

    # Per-stage split on the same articles.
    stage = {"tokenize+sentences": 0.0, "ner": 0.0, "resolve": 0.0, "relations": 0.0}
    for a in articles:
        s = time.perf_counter()
        tokens = tokenize(a.text)
        sentences = split_sentences(a.text)
        s2 = time.perf_counter()
        raw = extractor.matcher.find(tokens)
        s3 = time.perf_counter()
        entities, refs = resolve(a.text, tokens, raw, extractor.lexicon)
        s4 = time.perf_counter()
        if extractor._relations is not None and entities:
            extractor._relations(
                a.text, tokens, sentences, refs, {e.id: e for e in entities}, extractor.lexicon, a.id
            )
        s5 = time.perf_counter()
        stage["tokenize+sentences"] += s2 - s
        stage["ner"] += s3 - s2
        stage["resolve"] += s4 - s3
        stage["relations"] += s5 - s4

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    print(f"articles: {n} ({chars / max(n, 1):.0f} chars each on average)")
    print(f"extraction, first pass (cold caches): {cold:.2f} s, {n / cold:.1f} articles/s on one core")
    print(f"extraction, steady state: {total:.2f} s, {n / total:.1f} articles/s on one core")
    for name, secs in stage.items():
        print(f"  {name:<20} {secs / n * 1000:6.2f} ms/article")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
