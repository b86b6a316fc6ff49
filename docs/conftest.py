"""
Run every example of the documentation as a test, with Sybil.

- A ```python block runs as code; one that starts with ``>>>`` runs as a doctest, and so
  does every ```pycon block: the output shown is the output checked.
- A ```console block runs its ``$ antq ...`` commands through :func:`antq.cli.main` and
  checks what they print, standard output and standard error in the order printed;
  ``$ echo $?`` shows the exit code of the command before it.
- A ```{code-block} json block with a ``:caption:`` is a file: its text must be JSON, and
  it is written under the caption's name, for the examples after it to read.
- Any other code block fails: no example is skipped without a word.

The examples of one page run in order, in one namespace, in an empty working directory
of their own. The bundled example dataset is read from the installed package
(:func:`antq.io.load_example`), as a reader's own programs read it.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser

from antq.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: Doctest output may wrap, and may elide what does not matter with ``...``.
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: The languages of the code blocks that the parsers below run.
RUN = frozenset({"python", "pycon", "console"})

#: The MyST directives that show code; every other directive holds none.
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "code-cell"})

_INFO = re.compile(r"(?P<info>[^\n]*)\n")
_DIRECTIVE = re.compile(r"\{(?P<name>[\w-]+)\}[ \t]*(?P<argument>.*)")
_OPTION = re.compile(r"[ \t]*:(?P<name>[\w-]+):[ \t]*(?P<value>[^\n]*)\n")


class PyconParser:
    """
    Run each ```pycon block as a doctest.
    """

    def __init__(self, optionflags: int) -> None:
        """
        Use *optionflags* for every doctest example.
        """
        self.blocks = CodeBlockParser(language="pycon")
        self.doctests = DocTestStringParser(DocTestEvaluator(optionflags))

    def __call__(self, document: Document) -> Iterator[Region]:
        """
        Yield one region per ``>>>`` example of every ```pycon block.
        """
        for block in self.blocks(document):
            source = block.parsed
            for region in self.doctests(source, document.path):
                region.adjust(block, source)
                yield region


def run_console(example: Example) -> str | None:
    """
    Run the commands of a ```console block; return what differs from the output shown.
    """
    steps: list[tuple[str, list[str]]] = []
    for line in example.parsed.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].strip(), []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            return f"output before the first command: {line!r}"
    exit_code: int | None = None
    for command, shown in steps:
        if command == "echo $?" and exit_code is not None:
            printed = f"{exit_code}\n"
        elif command.startswith("antq "):
            output = io.StringIO()
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                exit_code = main(shlex.split(command)[1:])
            printed = output.getvalue()
        else:
            return f"cannot run {command!r}: a console example runs `antq ...` and `echo $?`"
        expected = "".join(f"{line}\n" for line in shown).rstrip("\n") + "\n"
        if not doctest.OutputChecker().check_output(expected, printed, doctest.ELLIPSIS):
            return f"$ {command}\nexpected:\n{expected}printed:\n{printed}"
    return None


def write_file(example: Example) -> None:
    """
    Check that a JSON file shown on a page is JSON, and write it to the working directory.
    """
    name, text = example.parsed
    json.loads(text)
    Path(name).write_text(text, encoding="utf-8")


def refuse(reason: str) -> Callable[[Example], str]:
    """
    Return an evaluator that fails with *reason*.
    """

    def evaluate(_: Example) -> str:
        return reason

    return evaluate


class OtherBlockParser:
    """
    Turn ```{code-block} json blocks into files, and fail every block that does not run.
    """

    def __init__(self) -> None:
        """
        Read every fenced block, whatever its info string.
        """
        self.lexer = RawFencedCodeBlockLexer(info_pattern=_INFO)

    def __call__(self, document: Document) -> Iterator[Region]:
        """
        Yield a region for every JSON file, and a failing one for every block left over.
        """
        for region in self.lexer(document):
            info = region.lexemes["info"].strip()
            source = str(region.lexemes["source"])
            directive = _DIRECTIVE.fullmatch(info)
            if directive is None:
                language, options = info, {}
            elif directive["name"] in CODE_DIRECTIVES:
                language, options, source = directive["argument"].strip(), *_options(source)
            else:
                continue
            if language in RUN:
                continue
            caption = options.get("caption", "")
            if language == "json" and caption and Path(caption).name == caption:
                region.parsed = (caption, source)
                region.evaluator = write_file
            else:
                region.evaluator = refuse(
                    f"a {language or 'plain'} code block that no test runs: "
                    "use python, pycon or console, or a json code-block with a file "
                    "name as :caption:"
                )
            yield region


def _options(source: str) -> tuple[dict[str, str], str]:
    """
    Split the ``:name: value`` lines at the top of a directive from its content.
    """
    options: dict[str, str] = {}
    while (option := _OPTION.match(source)) is not None:
        options[option["name"]] = option["value"].strip()
        source = source[option.end() :]
    return options, source


@pytest.fixture(scope="module")
def _working_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """
    Run the examples of one page in a fresh, empty directory.
    """
    directory = tmp_path_factory.mktemp("page")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(directory)
        yield directory


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONS),
        PyconParser(OPTIONS),
        CodeBlockParser(language="console", evaluator=run_console),
        OtherBlockParser(),
    ],
    patterns=["*.md"],
    fixtures=["_working_directory"],
).pytest()
