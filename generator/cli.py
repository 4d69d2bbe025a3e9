"""The `timeline` command."""

from __future__ import annotations

import argparse
import json
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

EXTRACT_ALL_HELP = """\
Extract every article of content/articles/ into the extraction cache (.timeline-cache/extract/),
the records timeline build reads, without building the site; articles already extracted are
skipped. On this machine the work is shared among --jobs processes (one per core by default).
With --dask it runs on dask.distributed: a LocalCluster of --workers processes started for the
run, or the cluster whose scheduler is at --scheduler tcp://HOST:8786 (each worker needs this
generator and Dask installed). A build afterwards, anywhere the cache folder is, extracts nothing.
"""

EXTRACT_HELP = """\
Show what extraction finds in one article: every date expression with its words, its value,
its precision and the rule that resolved it; every actor mention with the form it takes; the
publication date and where it came from; and the candidate events the merge stage
clusters: the headline, each sub-heading introducing another kind of happening, and each
dated sentence, with their actors and key terms (generator/data/concepts.toml).

With --json, print the same as JSON: spans are [start, end) character offsets into the
file's decoded text (byte-order mark removed).
"""

SERVE_HELP = """\
Build the site into public/ and serve it at http://127.0.0.1:8000/ for preview while you write.
content/, templates/, assets/ and site.toml are watched: each save rebuilds what it touched
(an edited article alone is extracted again, only the pages it changes are rendered and only
changed files are written), the console says what was rebuilt and how long it took, and open
pages reload by themselves; a style sheet change is applied without reloading the page.

A save that breaks the build (bad front matter, an unknown actor, a template error) changes
nothing in public/: the browser shows the errors with file, line and fix until the next good
save. public/ holds exactly what timeline build writes: the reload script is added as pages
are served.
"""

PUBLISH_HELP = """\
Build the site for production and deploy it. The production build uses base_url from site.toml
(or --base-url) for canonical links, feeds and the sitemap, gives every file in assets/ a name
holding a hash of its content (so hosts may cache them for ever), and minifies HTML, CSS and JS.
The whole site is built in memory first: if anything fails, nothing is deployed.

  --to DIR         replace the folder DIR with the site (files no longer built are removed);
                   DIR must be new, empty, or an earlier output of timeline.
  --branch NAME    commit the site as the whole tree of branch NAME of the git repository the
                   site folder is in: one commit per publish, with .nojekyll, and CNAME when
                   site.toml has [publish] cname. Your working files and branch are not touched.
  --push [REMOTE]  then push that branch (default remote: origin).

For GitHub Pages: timeline publish --branch gh-pages --push, then choose "Deploy from a branch:
gh-pages" in the repository's Settings → Pages.
"""

NEW_HELP = """\
Create DIR with a site that builds at once: site.toml, content/ with an example article and
an example note in each language (each explains itself), an about page, and an actor and a
topic registry with commented examples. Templates, styles and interface text come from the
built-in theme; to change one, put a file of the same name in DIR/templates/ or DIR/assets/.
DIR must be new or empty: nothing is ever written over.

Then: cd DIR, add articles to content/articles/, and run timeline serve.
"""

TRANSLATE_HELP = """\
  timeline translate --export kk kk.po   every event title and summary with no Kazakh text,
                                         with its source text, as a gettext catalog
  timeline translate --import kk kk.po   the translated entries, merged into
                                         content/translations/kk.po, which every build applies

Open the file in any PO editor (Poedit, Lokalize, Weblate). Each entry's context names the
event; its msgid is the text translated. A translation stops applying when that text changes:
the build warns, and the next export gives the new text.
"""

ACTORS_HELP = """\
Print, as TOML to paste into content/actors.toml, an entry for each name the articles use
that the registry lacks: one per person, body or place whatever script it is written in, with
its name in ru, kk and en in dictionary form, the forms the articles write, a guessed type and
the articles that use it. A name no article writes in a language is transliterated, and the
entry says which names are such guesses. Outlets are proposed with media = true.
"""

REVIEW_HELP = """\
List what an editor should look at, each with its evidence and, where a decision is the fix,
the lines to paste into content/decisions.toml:

  new event: found in the articles since the last review (every event, before the first);
  weak join: a report that joined an event on little evidence (split it off if it is wrong);
  warning: what timeline check warns about (titles, dates, names, passed plans).

With --mark, the events listed are recorded as reviewed in .timeline-reviewed.json beside
site.toml, so the next review lists only events found after it.
"""

CHECK_HELP = """\
Read content/ as a build does and report what an editor should look at:

  errors (exit status 1): anything that stops a build, such as a note whose
    `sources:` names an article that does not exist, each with its file, line and fix;
  warnings (exit status 0): articles with no publication date, events whose sources
    disagree on the date (every reported date, and which was chosen and why), events
    without actors, notes naming a source in which nothing fits the note's date, and the
    capitalised names that match no actor in content/actors.toml, with how often each
    occurs and an example sentence.

With --json, print the same as one JSON object ("errors" is empty when the content is valid).
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
    new = _command(commands, "new", NEW_HELP, "start a new chronology: a site folder that builds at once")
    new.add_argument("folder", type=Path, metavar="DIR", help="the new site's folder (new or empty)")
    new.add_argument(
        "--languages",
        default="ru,kk",
        metavar="LIST",
        help="the languages to publish in, comma-separated, the default first (ru, kk, en; default: ru,kk)",
    )
    new.add_argument(
        "--title", metavar="TEXT", help="the site title in every language (default: «Хроника», Chronology)"
    )
    new.set_defaults(run=_run_new)
    build = _command(commands, "build", BUILD_HELP, "build the site into public/")
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
    build.add_argument(
        "--verbose", "-v", action="store_true", help="also print the seconds each stage of the build took"
    )
    _jobs_option(build)
    build.set_defaults(run=_run_build)

    extract_all = _command(
        commands,
        "extract-all",
        EXTRACT_ALL_HELP,
        "extract every article into the cache, here or on a Dask cluster",
    )
    _site_option(extract_all)
    _jobs_option(extract_all)
    extract_all.add_argument(
        "--dask", action="store_true", help="run on dask.distributed instead of local processes"
    )
    extract_all.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --dask: a running scheduler, e.g. tcp://10.0.0.5:8786 "
        "(default: start a LocalCluster on this machine)",
    )
    extract_all.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="with --dask and no --scheduler: LocalCluster workers (default: one per core)",
    )
    extract_all.set_defaults(run=_run_extract_all)

    extract = _command(
        commands, "extract", EXTRACT_HELP, "show the dates and actors found in one article, and why"
    )
    extract.add_argument("file", type=Path, metavar="FILE", help="an article (.txt or .md)")
    extract.add_argument("--json", action="store_true", help="print JSON instead of the listing")
    _site_option(extract)
    extract.set_defaults(run=_run_extract)

    serve = _command(
        commands, "serve", SERVE_HELP, "build, serve the site locally and rebuild it as you edit"
    )
    _site_option(serve)
    serve.add_argument(
        "--output", "-o", type=Path, default=None, metavar="DIR", help="where to build (default: DIR/public)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only; "
        "0.0.0.0 opens it to the network)",
    )
    serve.add_argument("--port", "-p", type=_port, default=8000, help="the port to listen on (default: 8000)")
    serve.set_defaults(run=_run_serve)

    publish = _command(
        commands,
        "publish",
        PUBLISH_HELP,
        "build the site for production and deploy it to a folder or a git branch",
    )
    _site_option(publish)
    publish.add_argument(
        "--base-url",
        metavar="URL",
        help="the address the site will live at, e.g. https://you.github.io/minerals/ "
        "(default: base_url in site.toml)",
    )
    where = publish.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", type=Path, metavar="DIR", help="deploy into this folder (replaced whole)")
    where.add_argument(
        "--branch",
        metavar="NAME",
        help="commit the site as the whole tree of this branch of the site's git repository (e.g. gh-pages)",
    )
    publish.add_argument(
        "--push",
        nargs="?",
        const="origin",
        metavar="REMOTE",
        help="with --branch: push the branch to this remote afterwards (default remote: origin)",
    )
    publish.set_defaults(run=_run_publish)

    translate = _command(
        commands,
        "translate",
        TRANSLATE_HELP,
        "export the titles and summaries a language lacks as a PO file, or import them back",
    )
    direction = translate.add_mutually_exclusive_group(required=True)
    direction.add_argument("--export", metavar="LANG", help="write what LANG lacks to FILE")
    direction.add_argument("--import", dest="import_", metavar="LANG", help="take FILE's translations in")
    translate.add_argument("file", type=Path, metavar="FILE", help="the .po file")
    _site_option(translate)
    translate.set_defaults(run=_run_translate)

    actors = _command(
        commands,
        "actors",
        ACTORS_HELP,
        "print registry entries for the names the articles use and content/actors.toml lacks",
    )
    actors.add_argument(
        "--min-articles",
        type=int,
        default=2,
        metavar="N",
        help="propose names used in at least N articles (default: 2)",
    )
    _site_option(actors)
    actors.set_defaults(run=_run_actors)

    review = _command(
        commands,
        "review",
        REVIEW_HELP,
        "list what an editor should look at, with the decision to add for each",
    )
    review.add_argument(
        "--mark",
        action="store_true",
        help="record the events listed as reviewed: the next review lists only newer ones",
    )
    _site_option(review)
    review.set_defaults(run=_run_review)

    check = _command(
        commands, "check", CHECK_HELP, "check content/ and list names the actor registry does not know"
    )
    check.add_argument("--json", action="store_true", help="print JSON instead of the listing")
    check.add_argument(
        "--explain",
        metavar="EVENT_OR_SOURCE",
        help="say which rule joined each report of an event, or where each report of a source went and why",
    )
    _site_option(check)
    check.set_defaults(run=_run_check)
    return parser


def _command(commands, name: str, description: str, summary: str) -> argparse.ArgumentParser:
    """One subcommand: its one-line help in the command list, its description kept as written."""
    return commands.add_parser(
        name, help=summary, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return int(text)


def _site_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--site",
        "-s",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the site folder whose content/actors.toml names the actors (default: the current folder)",
    )


def _run_new(args: argparse.Namespace) -> int:
    from .new_site import create_site, parse_languages

    try:
        site = create_site(args.folder, parse_languages(args.languages), args.title)
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"created {site.root} ({', '.join(site.languages)}):")
    for name in site.files:
        print(f"  {name}")
    print(f"next: cd {site.root} && timeline serve   (README: Start your own chronology)")
    return 0


def _run_translate(args: argparse.Namespace) -> int:
    from .translate import export_catalog, import_catalog

    root = args.site.resolve()
    try:
        if args.export:
            count = export_catalog(root, args.export, args.file)
            print(f"wrote {count} text(s) to translate into {args.export} to {args.file}")
            return 0
        done = import_catalog(root, args.import_, args.file)
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "translate failed")
    print(f"{done.path}: {done.added} translation(s) added, {done.updated} updated, {done.kept} kept")
    for event in done.unknown_events:
        print(f"warning: {args.file}: no event {event!r} now; its translation waits in {done.path.name}")
    return 0


def _run_extract_all(args: argparse.Namespace) -> int:
    from .extract_all import extract_all

    if (args.scheduler or args.workers) and not args.dask:
        print("error: --scheduler and --workers go with --dask", file=sys.stderr)
        return 2
    try:
        done = extract_all(args.site.resolve(), args.jobs, args.dask, args.scheduler, args.workers)
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "extract-all failed")
    rate = done.extracted / done.seconds if done.seconds else 0.0
    print(
        f"extracted {done.extracted} of {done.articles} articles on {done.where} in {done.seconds:.1f} s "
        f"({rate:.0f} articles/s); {done.articles - done.extracted} were in the cache already"
    )
    return 0


def _run_actors(args: argparse.Namespace) -> int:
    from .actor_stubs import actor_stubs, format_stubs
    from .build import read_chronology

    try:
        chronology = read_chronology(args.site.resolve())
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "actors failed")
    stubs = actor_stubs(chronology.extractions, max(1, args.min_articles))
    print(format_stubs(stubs, set(chronology.timeline.actors)), end="")
    return 0


def _run_review(args: argparse.Namespace) -> int:
    from .review import format_review, mark_reviewed, review_site

    root = args.site.resolve()
    try:
        review = review_site(root)
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "review failed")
    print(format_review(review))
    if args.mark:
        print(f"marked {len(review.event_ids)} event(s) as reviewed in {mark_reviewed(root, review)}")
    return 0


def _run_extract(args: argparse.Namespace) -> int:
    from .explain import extract_file, format_extraction

    try:
        document, extraction = extract_file(args.site.resolve(), args.file)
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "extraction failed")
    if args.json:
        from .extract.record import to_json

        print(json.dumps(to_json(extraction, document.text), ensure_ascii=False, indent=2))
    else:
        print(format_extraction(document, extraction))
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from .explain import check_site, explain_subject, format_check

    if args.explain:
        try:
            lines = explain_subject(args.site.resolve(), args.explain)
        except (ContentError, ContentErrors) as error:
            return _report_errors(error, "check failed")
        if lines is None:
            print(
                f"error: {args.explain!r} is neither an event id nor a source id\n"
                "  fix: give an id from public/data/timeline.json, or an article's file name without "
                "its extension",
                file=sys.stderr,
            )
            return 1
        print("\n".join(lines))
        return 0

    try:
        report = check_site(args.site.resolve())
    except (ContentError, ContentErrors) as error:
        if args.json:
            errors = error.errors if isinstance(error, ContentErrors) else [error]
            print(json.dumps({"errors": [_error_json(e) for e in errors]}, ensure_ascii=False, indent=2))
            return 1
        return _report_errors(error, "check failed")
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_check(report))
    return 0


def _error_json(error: ContentError) -> dict:
    return {"path": str(error.path), "line": error.line, "message": error.message, "fix": error.fix}


def _report_errors(error: ContentError | ContentErrors, what: str) -> int:
    errors = error.errors if isinstance(error, ContentErrors) else [error]
    for one in errors:
        print(f"error: {one}", file=sys.stderr)
    print(f"{what}: {len(errors)} error(s)", file=sys.stderr)
    return 1


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    root = args.site.resolve()
    output = args.output.resolve() if args.output else root / "public"
    return serve(root, output, args.host, args.port)


def _run_publish(args: argparse.Namespace) -> int:
    from .publish import publish, vanished_pages

    if args.push and not args.branch:
        print("error: --push goes with --branch (a folder is not pushed anywhere)", file=sys.stderr)
        return 2
    try:
        done = publish(
            args.site.resolve(),
            base_url=args.base_url,
            to=args.to.resolve() if args.to else None,
            branch=args.branch,
            push_to=args.push,
        )
    except (ContentError, ContentErrors) as error:
        return _report_errors(error, "publish failed; nothing was deployed")
    for warning in done.build.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    deployed, build = done.deployment, done.build
    print(
        f"published {build.events} events, {len(build.files)} files for {build.config.base_url} "
        f"to {deployed.where} ({done.seconds:.2f} s): "
        f"{deployed.added} added, {deployed.changed} changed, {deployed.removed} removed"
    )
    if deployed.commit:
        print(
            f"commit {deployed.commit[:12]}"
            + (f", pushed to {deployed.pushed_to}" if deployed.pushed_to else "")
        )
    for line in vanished_pages(deployed.vanished):
        print(f"warning: {line}", file=sys.stderr)
    return 0


def _run_build(args: argparse.Namespace) -> int:
    import time

    from .unchanged import LastBuild

    started = time.perf_counter()
    root = args.site.resolve()
    output = args.output.resolve() if args.output else root / "public"
    last = LastBuild.now(root, output)
    if last.holds():
        seconds = time.perf_counter() - started
        _print_built(
            args, output, last.warnings, last.summary, f"nothing changed since, kept as is: {seconds:.2f} s"
        )
        return 0
    from .build import build_site

    try:
        report = build_site(root, output, jobs=args.jobs)
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
    timeline = report.timeline
    summary = (
        f"built {len(timeline.events)} events from {len(timeline.documents)} articles "
        f"in {', '.join(timeline.languages)}: {report.files} files in {report.output}"
    )
    warnings = [str(warning) for warning in timeline.warnings]
    last.record(summary, warnings, report.output_listing)
    _print_built(
        args,
        output,
        warnings,
        summary,
        f"{report.seconds:.2f} s; {report.extracted} article(s) extracted, "
        f"{len(timeline.documents) - report.extracted} from cache; "
        f"{report.pages_rendered} of {report.pages_total} pages rendered",
    )
    if args.verbose:
        print("seconds per stage:")
        print("\n".join(report.clock.lines()))
    return 0


def _jobs_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=None,
        metavar="N",
        help="processes that extract articles and render pages (default: one per core)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes: give 1 or more")
    return value


def _print_built(args: argparse.Namespace, output: Path, warnings: list[str], summary: str, how: str) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.quiet:
        print(f"{summary} ({how})")
        print(f"open {output / 'index.html'} in a browser, or preview it with live reload: timeline serve")


if __name__ == "__main__":
    sys.exit(main())
