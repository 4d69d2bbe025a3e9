"""Pages rendered by worker processes come back in order, with what each page read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from generator.render.parallel import PARALLEL_FROM, render_all
from generator.render.reuse import ReadLog

PAGES = PARALLEL_FROM * 2


def _renders(log: ReadLog, count: int):
    def render(number: int) -> bytes:
        log.reads.add(("events", f"e{number}"))
        return f"{number}:{os.getpid()}".encode()

    return [lambda number=number: render(number) for number in range(count)]


def check_two_workers() -> None:
    log = ReadLog()
    done = render_all(_renders(log, PAGES), log, jobs=2)
    assert [output.split(b":")[0] for output, _ in done] == [str(n).encode() for n in range(PAGES)]
    assert [reads for _, reads in done] == [frozenset({("events", f"e{n}")}) for n in range(PAGES)]
    pids = {output.split(b":")[1] for output, _ in done}
    assert pids and str(os.getpid()).encode() not in pids  # rendered by the workers, not here


def test_two_workers_render_every_page_in_order_with_its_reads() -> None:
    # In a process of its own: the test runner may have threads (browsers, servers) that rule forking out.
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_render_parallel import check_two_workers\n"
        "check_two_workers()\n"
        "print('checked')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "checked" in done.stdout, done.stderr


def test_few_pages_or_a_process_with_threads_render_here() -> None:
    log = ReadLog()
    few = render_all(_renders(log, PARALLEL_FROM - 1), log, jobs=2)
    assert {output.split(b":")[1] for output, _ in few} == {str(os.getpid()).encode()}
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like timeline serve's server and watcher threads
    server.start()
    try:
        many = render_all(_renders(log, PAGES), log, jobs=2)
    finally:
        stop.set()
        server.join()
    assert {output.split(b":")[1] for output, _ in many} == {str(os.getpid()).encode()}
