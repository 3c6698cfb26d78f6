"""README.md's FREIA query, run on the bundled sample, prints exactly the answer README shows."""
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

README = Path(__file__).parent.parent / "README.md"


def test_readme_query_and_answer(sample_build):
    text = README.read_text(encoding="utf-8")
    section = text.split("### `kg query", 1)[1].split("\n### ", 1)[0]
    command, answer = re.findall(r"```\n(.*?)```", section, re.S)[:2]
    args = shlex.split(command.replace("\\\n", " "))
    assert args[:2] == ["kg", "query"] and args[-2:] == ["--graph", "build/"]
    r = CliRunner().invoke(cli, ["query", args[2], "--graph", str(sample_build)])
    assert r.exit_code == 0, r.output
    assert r.output.rstrip("\n").splitlines() == answer.rstrip("\n").splitlines()
    assert {"Region Västerbotten", "Länsstyrelsen Västerbotten"} <= set(answer.splitlines())


def test_readme_explain_excerpt_is_real_output():
    text = README.read_text(encoding="utf-8")
    section = text.split("`--explain` names the rule", 1)[1]
    command, excerpt = re.findall(r"```\n(.*?)```", section, re.S)[:2]
    args = shlex.split(command.strip())
    assert args[:3] == ["kg", "extract", "--explain"]
    path = Path(__file__).parent.parent / args[3]
    out = CliRunner().invoke(cli, ["extract", "--explain", str(path)]).output.splitlines()
    shown = [line for line in excerpt.splitlines() if line.strip() != "..."]
    assert shown and all(line in out for line in shown), [line for line in shown if line not in out]
