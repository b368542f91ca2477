"""Child process of extract-bench.mjs for readability-lxml (Debian's python3-readability).

Same protocol as run-tool.mjs: loads the development set into memory, one warm-up pass (its
outputs are the ones scored), N timed passes, then writes one JSON result to --out. Output is
the summary HTML; the parent turns it into text the same way as for the other HTML peers.
Usage: /usr/bin/python3 bench/readability_lxml.py --devset DIR --out FILE [--passes N]
"""
import argparse
import gzip
import json
import logging
import os
import resource
import time

from readability import Document
import readability


def load_devset(root):
    with open(os.path.join(root, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = []
    for name in sorted(os.listdir(os.path.join(root, "html"))):
        if not name.endswith(".html.gz"):
            continue
        page_id = name[: -len(".html.gz")]
        with gzip.open(os.path.join(root, "html", name)) as f:
            html = f.read().decode("utf-8", errors="replace")
        pages.append({"id": page_id, "url": (truth.get(page_id) or {}).get("url"), "html": html})
    return pages


def run_pass(pages):
    outputs = []
    start = time.perf_counter()
    for page in pages:
        try:
            summary = Document(page["html"], url=page["url"]).summary(html_partial=True)
            outputs.append({"id": page["id"], "raw": summary, "kind": "html"})
        except Exception as error:  # a failing page scores as an empty prediction
            outputs.append({"id": page["id"], "raw": "", "kind": "text", "error": str(error)[:200]})
    return (time.perf_counter() - start) * 1000, outputs


def max_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def current_rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--devset", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("readability").setLevel(logging.CRITICAL)

    pages = load_devset(args.devset)
    baseline = max_rss_kb()
    warmup_ms, outputs = run_pass(pages)
    pass_ms, trace = [], []
    for i in range(args.passes):
        ms, _ = run_pass(pages)
        pass_ms.append(ms)
        trace.append({"pass": i + 1, "rssKB": current_rss_kb(), "maxRssKB": max_rss_kb()})
    result = {
        "tool": "readability-lxml",
        "version": "readability-lxml %s (python3-readability), lxml %s"
        % (getattr(readability, "__version__", "unknown"), lxml_version()),
        "jobs": 1,
        "pages": len(pages),
        "warmupMs": warmup_ms,
        "passMs": pass_ms,
        "baselineRssKB": baseline,
        "maxRssKB": max_rss_kb(),
        "rssTrace": trace,
        "outputs": outputs,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)


def lxml_version():
    from lxml import etree

    return ".".join(str(n) for n in etree.LXML_VERSION[:3])


if __name__ == "__main__":
    main()
