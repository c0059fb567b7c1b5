"""Training the NER tagger from CoNLL corpora (`arabic-kg train-ner CORPUS... --output MODEL`).

Two inputs besides the annotated corpora:
- the lexicon YAML files (gazetteer and cue words, read at training time and copied into the model);
- word clusters and corpus statistics learnt from unlabelled news (`build_word_clusters`). Building them
  takes ~40 s on SaudiNewsNet; by default they are taken over from an existing model (the shipped one), so a
  retraining on new annotated data does not need the raw news.
"""

from __future__ import annotations

import json
import logging
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from arabic_kg.ner.conll import ENTITY_TYPES, Sentence, read_conll, span_prf
from arabic_kg.ner.tagger import (
    CUE_WORDS,
    NerTagger,
    _cue_table,
    default_model_path,
    normalize_word,
    proclitic_forms,
)

log = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files behind the given paths: a folder stands for its *.txt / *.conll files (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".txt", ".conll", ".bio"))
        else:
            out.append(p)
    return out


def is_anercorp(path: Path) -> bool:
    return "anercorp" in path.name.lower()


def split_holdout(
    files: Sequence[Path], holdout: float
) -> tuple[list[Sentence], list[Sentence], dict[str, int]]:
    """Read every file; the last `holdout` share of the ANERcorp file(s) (or of the first file, if none is
    ANERcorp) becomes the dev set and is never trained on."""
    dev_files = [f for f in files if is_anercorp(f)] or list(files[:1])
    train: list[Sentence] = []
    dev: list[Sentence] = []
    counts: dict[str, int] = {}
    for f in files:
        sents = [s for s in read_conll(f) if s]
        counts[str(f)] = len(sents)
        if f in dev_files and holdout > 0:
            cut = len(sents) - int(round(len(sents) * holdout))
            train += sents[:cut]
            dev += sents[cut:]
        else:
            train += sents
    return train, dev, counts


# ------------------------------------------------------------------------------------------ word clusters
def iter_texts(paths: Iterable[str | Path]) -> Iterator[str]:
    """Texts of unlabelled news: SaudiNewsNet-style zips or JSON arrays (title, content), or plain text."""
    for path in sorted(Path(p) for p in paths):
        if path.is_dir():
            yield from iter_texts(sorted(path.iterdir()))
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    if name.endswith(".json"):
                        yield from _json_texts(json.loads(z.read(name)))
        elif path.suffix == ".json":
            yield from _json_texts(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".txt":
            yield path.read_text(encoding="utf-8")


def _json_texts(data: Any) -> Iterator[str]:
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            for key in ("title", "content", "text"):
                if isinstance(item.get(key), str):
                    yield item[key]


def _bucket(value: float, edges: Sequence[float]) -> int:
    for k, edge in enumerate(edges):
        if value <= edge:
            return k
    return len(edges)


# k-means cluster counts, in the order the ids are stored: the three original levels first, so that a model
# with three levels reads the same ids; the tagger's cluster_levels says how many values are ids.
CLUSTER_GRANULARITIES: tuple[int, ...] = (64, 256, 1024, 32, 128, 512, 2048)


def build_word_clusters(
    paths: Iterable[str | Path],
    *,
    vocab_size: int = 100_000,
    context_size: int = 5_000,
    dims: int = 100,
    granularities: Sequence[int] = CLUSTER_GRANULARITIES,
    seed: int = 0,
) -> dict[str, list[int]]:
    """Word -> [cluster ids at each granularity, corpus statistics] from unlabelled text.

    Clusters: k-means over an SVD of the PPMI matrix of directional contexts (words at -2, -1, +1, +2),
    the classic Brown-cluster substitute; they carry "this looks like a surname / a city / a club" to words
    the annotated corpora never saw. Statistics (bucketed): how often the word takes the article (names
    rarely do), how often it follows a person title, an organization head or a place word, and frequency.
    """
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    t0 = time.perf_counter()
    cues = _cue_table(CUE_WORDS)
    cats = ("PT", "OC", "LC")
    vocab: dict[str, int] = {}
    ids: list[int] = []
    after: dict[str, Counter[str]] = {c: Counter() for c in cats}
    for text in iter_texts(paths):
        ids.append(-1)  # document boundary
        prev_cat: str | None = None
        for tok in _TOKEN_RE.findall(normalize_word(text)):
            i = vocab.get(tok)
            if i is None:
                i = vocab[tok] = len(vocab)
            ids.append(i)
            if prev_cat in after:
                after[prev_cat][tok] += 1
            prev_cat = cues.get(tok)
            if prev_cat is None:
                prev_cat = next((cues[f] for f in proclitic_forms(tok) if f in cues), None)
    ids.append(-1)
    arr = np.array(ids, dtype=np.int64)
    counts = np.bincount(arr[arr >= 0], minlength=len(vocab))
    order = np.argsort(-counts, kind="stable")
    n_vocab = min(vocab_size, len(vocab))
    rank = np.full(len(vocab) + 1, -1, dtype=np.int64)  # rank[-1] = -1 for boundaries
    rank[order] = np.arange(len(vocab))
    r = rank[arr]
    blocks = []
    for off in (-2, -1, 1, 2):
        a = r[max(0, -off) : len(r) - max(0, off)]
        b = r[max(0, off) : len(r) + min(0, off)]
        m = (a >= 0) & (a < n_vocab) & (b >= 0) & (b < context_size)
        blocks.append(
            sparse.coo_matrix((np.ones(int(m.sum())), (a[m], b[m])), shape=(n_vocab, context_size)).tocsr()
        )
    cooc = sparse.hstack(blocks).tocoo()
    total = cooc.data.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    col_p = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col_p /= col_p.sum()
    pmi = np.log(cooc.data / total) - np.log(row_sum[cooc.row] / total) - np.log(col_p[cooc.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (cooc.row[keep], cooc.col[keep])), shape=cooc.shape)
    u, s, _ = randomized_svd(ppmi, dims, n_iter=4, random_state=seed)
    emb = u * np.sqrt(s)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    labels = []
    for k in granularities:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=1, max_iter=50)
        labels.append(km.fit(emb).labels_)
    inv = {i: w for w, i in vocab.items()}
    out: dict[str, list[int]] = {}
    for j in range(n_vocab):
        w = inv[int(order[j])]
        c = int(counts[order[j]])
        if w.startswith("ال") and len(w) > 4:
            other, with_al = vocab.get(w[2:]), 1
        else:
            other, with_al = vocab.get("ال" + w), 0
        oc = int(counts[other]) if other is not None else 0
        stats = [with_al * 10 + _bucket(oc / (c + oc), (0, 0.02, 0.1, 0.3, 0.6))]
        stats += [_bucket(after[cat][w] / c, (0, 0.01, 0.05, 0.2)) for cat in cats]
        stats.append(_bucket(c, (5, 20, 100, 1000, 10000)))
        out[w] = [int(lab[j]) for lab in labels] + stats
    log.info("word clusters: %d words from %d tokens in %.0f s", n_vocab, len(ids), time.perf_counter() - t0)
    return out


def _round(report: dict[str, dict[str, float | int]]) -> dict[str, dict[str, float | int]]:
    return {
        k: {m: round(v, 4) if isinstance(v, float) else v for m, v in d.items()} for k, d in report.items()
    }


# ------------------------------------------------------------------------------------------ training
# L-BFGS settings of the shipped model. A strong L2 term was best on the held-out ANERcorp tail
# (c2 0.02 gave 0.752 micro-F1, 0.3 gave 0.775 with the current features; see ner/model/README.md).
DEFAULT_TRAIN_OPTIONS: dict[str, Any] = {"c1": 0.01, "c2": 0.3, "max_iterations": 200}


def train_from_files(
    paths: list[Path],
    output: Path,
    *,
    holdout: float = 0.1,
    seed: int = 0,
    unlabeled: list[Path] | None = None,
    clusters_from: Path | None = None,
    lexicon_dir: Path | None = None,
    **train_options: Any,
) -> dict[str, Any]:
    """Train a tagger on CoNLL corpora, save it to `output` and report.

    The last `holdout` share of the ANERcorp training file (by name; else of the first file) is the dev set:
    never trained on, scored at the end (exact-span P/R/F1 per type and micro). Word clusters come from
    `unlabeled` news files if given, else from the model at `clusters_from` (default: the shipped model).
    `train_options` go to `NerTagger.train` (c1, c2, max_iterations, ...).
    """
    t0 = time.perf_counter()
    files = corpus_files(paths)
    if not files:
        raise ValueError("no corpus files given")
    train, dev, per_file = split_holdout(files, holdout)
    levels = len(CLUSTER_GRANULARITIES)
    if unlabeled:
        clusters = build_word_clusters(unlabeled, seed=seed)
        cluster_source = "built from " + ", ".join(str(p) for p in unlabeled)
    else:
        source = Path(clusters_from) if clusters_from is not None else default_model_path()
        try:
            donor = NerTagger.load(source)
            clusters, levels = donor.clusters, donor.cluster_levels
            cluster_source = f"copied from {source}"
        except (OSError, ValueError) as exc:
            log.warning("no word clusters (%s): training without them", exc)
            clusters, cluster_source = {}, "none"
    options = DEFAULT_TRAIN_OPTIONS | train_options
    tagger = NerTagger().train(
        train, seed=seed, clusters=clusters, cluster_levels=levels, lexicon_dir=lexicon_dir, **options
    )
    tagger.info["corpora"] = {Path(k).name: v for k, v in per_file.items()}
    tagger.info["clusters"] = cluster_source
    report: dict[str, Any] = {
        "files": [str(f) for f in files],
        "sentences": {"train": len(train), "dev": len(dev)},
        "tokens": {"train": sum(map(len, train)), "dev": sum(map(len, dev))},
        "gazetteer_tokens": len(tagger.gazetteer),
        "cluster_words": len(clusters),
        "clusters": cluster_source,
        "params": tagger.params,
    }
    if dev:
        tokens = [[t for t, _ in s] for s in dev]
        sentence_level = tagger.predict_many(tokens, propagate=False)
        document_level = tagger.predict_many(tokens)
        report["dev"] = _round(span_prf(dev, sentence_level, types=ENTITY_TYPES))
        report["dev_propagated"] = _round(span_prf(dev, document_level, types=ENTITY_TYPES))
        tagger.info["dev_micro_f1"] = report["dev"]["micro"]["f1"]
    tagger.save(output)
    report["model"] = str(output)
    report["model_bytes"] = Path(output).stat().st_size
    report["seconds"] = round(time.perf_counter() - t0, 1)
    return report
