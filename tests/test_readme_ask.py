"""README's `kg ask` examples, run on the bundled sample, print what README shows; its `kg serve`/`kg push`
command lines use options that exist."""
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.questions import questions

README = Path(__file__).parent.parent / "README.md"


def section(title: str) -> str:
    return README.read_text(encoding="utf-8").split(f"### `{title}", 1)[1].split("\n### ", 1)[0]


def test_every_question_has_a_readme_example_with_its_real_output(sample_build):
    blocks = re.findall(r"```\n(.*?)```", section("kg ask"), re.S)
    pairs = [(c, a) for c, a in zip(blocks[::2], blocks[1::2]) if c.startswith("kg ask ")]
    assert {shlex.split(c)[2] for c, _ in pairs} == set(questions())
    for command, answer in pairs:
        args = shlex.split(command.strip())
        assert args[-2:] == ["--graph", "build/"]
        r = CliRunner().invoke(cli, [*args[1:-1], str(sample_build)])
        assert r.exit_code == 0, r.output
        out = r.output.rstrip("\n").splitlines()
        shown = answer.rstrip("\n").splitlines()
        if "..." in shown:  # a long answer: its head and its row count
            cut = shown.index("...")
            assert out[:cut] == shown[:cut] and out[-1] == shown[-1], command
        else:
            assert out == shown, command


def test_serve_and_push_examples_use_real_options():
    for title in ("kg serve", "kg push"):
        for block in re.findall(r"```\n(.*?)```", section(title), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                if not line.startswith("kg "):
                    continue
                args = shlex.split(line.rstrip("&"))
                opts = [a.split("=")[0] for a in args if a.startswith("--")]
                r = CliRunner().invoke(cli, [args[1], "--help"])
                assert r.exit_code == 0
                for opt in opts:
                    assert opt in r.output, (line, opt)
