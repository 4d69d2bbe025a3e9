"""The `timeline` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import ContentError, ContentErrors

BUILD_HELP = """\
Read content/ (articles, notes, actors.toml, about/), site.toml, templates/ and assets/,
and write the static site to the output folder: one tree per language (public/ru/,
public/kk/, …), public/index.html leading to the default language, and
public/data/timeline.json with the whole chronology.

The output folder is replaced atomically: if any file has an error, nothing is written and
the previous site stays as it was. Every error names the file, the line and the fix.
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Build bilingual static timeline sites from news articles and event notes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="build the site into public/",
        description=BUILD_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument(
        "--site",
        "-s",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the site folder holding site.toml, content/, templates/ and assets/ "
        "(default: the current folder)",
    )
    build.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the site (default: DIR/public). It must be empty, new, "
        "or an earlier output of timeline build",
    )
    build.add_argument("--quiet", "-q", action="store_true", help="print errors and warnings only")
    build.set_defaults(run=_run_build)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from .build import build_site

    root = args.site.resolve()
    try:
        report = build_site(root, args.output.resolve() if args.output else None)
    except ContentErrors as errors:
        for error in errors.errors:
            print(f"error: {error}", file=sys.stderr)
        print(
            f"build failed: {len(errors.errors)} error(s); the output folder was not changed",
            file=sys.stderr,
        )
        return 1
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        print("build failed; the output folder was not changed", file=sys.stderr)
        return 1
    for warning in report.timeline.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.quiet:
        timeline = report.timeline
        print(
            f"built {len(timeline.events)} events from {len(timeline.documents)} articles "
            f"in {', '.join(timeline.languages)}: {report.files} files in {report.output} "
            f"({report.seconds:.2f} s)"
        )
        print(
            f"open {report.output / 'index.html'} in a browser, "
            f"or serve it: python3 -m http.server -d {report.output} 8000"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
