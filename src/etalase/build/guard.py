"""Keep one post from taking the build down: a time budget and errors that name the post.

Validation bounds what a post may contain (file size, front matter), but
Python-Markdown has inputs on which it is quadratic or worse (20,000 ``[``
take over a minute; a list nested a few hundred deep, longer) and inputs that
exhaust Python's recursion limit (3,000 nested ``*``). Such a body is valid
text, so it is caught while MkDocs renders it:

* :meth:`PostGuard.enter` starts a timer when MkDocs starts on a post page
  (Markdown, sanitising, template) and :meth:`PostGuard.leave` stops it; when
  the post takes longer than its budget the timer raises
  :class:`PostTooComplex`, which derives from ``BaseException`` so that no
  ``except Exception`` inside Markdown or MkDocs swallows it;
* any other exception raised while a post is being rendered is turned into a
  :class:`~etalase.content.problems.Problem` naming that post by :meth:`PostGuard.problem`.

The timer uses ``SIGALRM``, so it is armed only in the main thread of a
process that can have one (MkDocs renders there); elsewhere the guard only
names the post.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from etalase.content.problems import Problem

RETRY_SECONDS = 1.0
"""After the budget, the timer fires again this often, in case a handler swallowed it."""


class PostTooComplex(BaseException):
    """A post took longer to render than its budget."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message_en)
        self.problem = problem


class PostGuard:
    """Times the rendering of one post page at a time and names it when it fails."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.current: Path | None = None
        """``index.md`` of the post being rendered, as shown in messages."""
        self.blame = False
        """Whether an error now is the post's (its Markdown) rather than the theme's (its templates)."""
        self._previous_handler: signal.Handlers | Callable[[int, FrameType | None], object] | int | None = None

    def enter(self, source: Path, *, blame: bool) -> None:
        """MkDocs starts on the page of the post at ``source``.

        ``blame``: report any error until :meth:`leave` as a problem of the
        post. True while its Markdown is rendered; false while the theme's
        templates are, where an error is a bug to see with its traceback.
        """
        self.leave()
        self.current = source
        self.blame = blame
        if self.seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self._previous_handler = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, RETRY_SECONDS)

    def leave(self) -> None:
        """MkDocs is done with the current post page."""
        if self._previous_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous_handler)
            self._previous_handler = None
        self.current = None

    def problem(self, error: BaseException) -> Problem | None:
        """The problem to report for ``error`` raised while a post was being rendered."""
        if self.current is None:
            return None
        if isinstance(error, PostTooComplex):
            return error.problem
        if not self.blame:
            return None
        if isinstance(error, RecursionError):
            return Problem(
                self.current,
                None,
                None,
                "isi pos bertingkat terlalu dalam (daftar, kutipan, tebal/miring atau HTML bersarang); "
                "sederhanakan bagian itu",
                "the body is nested too deeply (lists, quotes, emphasis or HTML); simplify it",
            )
        return Problem(
            self.current,
            None,
            None,
            f"isi pos tidak dapat diolah ({type(error).__name__}: {error}); periksa bagian yang tidak biasa di isi pos",
            f"the body cannot be rendered ({type(error).__name__}: {error}); check unusual parts of it",
        )

    def _expired(self, signum: int, frame: object) -> None:
        if self.current is None:
            return
        raise PostTooComplex(
            Problem(
                self.current,
                None,
                None,
                f"isi pos terlalu rumit untuk diolah: lebih dari {self.seconds:g} detik; "
                "sederhanakan isi pos (mis. daftar bertingkat, ribuan tanda [ atau judul)",
                f"the body is too complex to render: more than {self.seconds:g} seconds; "
                "simplify it (e.g. deeply nested lists, thousands of [ or headings)",
            )
        )
