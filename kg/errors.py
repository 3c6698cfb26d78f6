"""The one error type the CLI turns into a single line on stderr and a non-zero exit."""
import click


class KgError(click.ClickException):
    """A problem with the user's input or environment, stated in one line."""

    exit_code = 1
