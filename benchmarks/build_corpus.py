"""Build the whole SaudiNewsNet corpus end to end and compare with camel-tools alone.

    python benchmarks/build_corpus.py [--corpus ../shared/corpus/saudinewsnet] [--workers 2] [--limit N]

Prints: articles, seconds, articles/s and peak memory (RSS of this process and of its largest
worker) for `build` into a fresh temporary folder; then the time camel-tools needs just to
normalise (normalize_unicode, dediac_ar, alef/ya/teh-marbuta) and word-tokenise the same articles on
one core, and the ratio of the two.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from arabic_kg.pipeline import build, iter_inputs

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet"


def camel_floor(paths: list[Path], limit: int | None) -> tuple[int, float]:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    n = 0
    elapsed = 0.0
    for article in iter_inputs(paths):
        t0 = time.perf_counter()
        text = normalize_teh_marbuta_ar(
            normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(article.text))))
        )
        simple_word_tokenize(text)
        elapsed += time.perf_counter() - t0
        n += 1
        if limit and n >= limit:
            break
    return n, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=0, help="0: all cores")
    ap.add_argument("--engine", default="local")
    ap.add_argument("--limit", type=int, default=None, help="only the first N zips' worth (for quick runs)")
    ap.add_argument("--skip-floor", action="store_true")
    args = ap.parse_args()

    inputs = sorted(args.corpus.glob("*.zip")) or [args.corpus]
    if args.limit:
        inputs = inputs[: args.limit]
    out = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        t0 = time.perf_counter()
        report = build(inputs, out, workers=args.workers or None, engine=args.engine)
        seconds = time.perf_counter() - t0
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        n = report.articles_total
        print(
            f"articles: {n} ({report.articles_seen} read, {report.duplicates} duplicates, "
            f"{len(report.skipped)} skipped)"
        )
        print(f"build: {seconds:.1f} s, {n / seconds:.1f} articles/s")
        print(f"peak RSS: parent {self_mb:.0f} MB, largest worker {child_mb:.0f} MB")
        print(
            f"relations: {sum(v for k, v in report.relations_by_type.items() if k != 'co_mentioned')}, "
            f"entities: {sum(report.entities_by_type.values())}"
        )
        t1 = time.perf_counter()
        added = out / "added"
        added.mkdir()
        (added / "new.txt").write_text(
            "قالت وزارة الدفاع التركية إن مقاتلاتها قصفت مواقع لداعش قرب حلب.\n", encoding="utf-8"
        )
        build([*inputs, added], out, workers=args.workers or None)
        print(f"adding one article to the built store (library call): {time.perf_counter() - t1:.2f} s")
        # The same as a user runs it: a new process (imports, cached extractor) through the CLI.
        (added / "new2.txt").write_text(
            "وقال المتحدث باسم التحالف إن طائرات أمريكية قصفت مواقع للتنظيم في الرقة.\n", encoding="utf-8"
        )
        t2 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "arabic_kg.cli",
                "build",
                *map(str, inputs),
                str(added),
                "--out",
                str(out),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"adding one article to the built store (arabic-kg build): {time.perf_counter() - t2:.2f} s")
        if not args.skip_floor:
            m, floor = camel_floor(inputs, None)
            print(f"camel-tools normalise + tokenise alone, one core: {floor:.1f} s for {m} articles")
            print(f"ratio build / camel-tools floor: {seconds / floor:.2f}")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
