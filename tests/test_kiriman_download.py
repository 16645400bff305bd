"""The converter's download path, against a server on 127.0.0.1 standing in for GitHub.

``--test-attachment-host http://127.0.0.1:PORT`` makes the converter take
attachments from ``http://127.0.0.1:PORT/user-attachments/assets/<id>`` and
accept redirects to that host only, as it accepts GitHub's own storage hosts
in production. No request leaves the machine.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from etalase.kiriman.assets import GITHUB, find, loopback_host

from conftest import DEMO_CONTENT
from test_kiriman import fixture, run_kiriman, snapshot

PHOTO = (DEMO_CONTENT / "posts" / "pengrajin-gendang-teluk-biru" / "gendang.jpg").read_bytes()
"""A real photo under the test limit."""
LIMIT_MB = 1
"""The test configuration's photo size limit (images.max_megabytes)."""


class _Server(http.server.ThreadingHTTPServer):
    hits: list[str]


class _Handler(http.server.BaseHTTPRequestHandler):
    """GitHub's attachment address and storage, with the ways they can go wrong."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        server = self.server
        assert isinstance(server, _Server)
        server.hits.append(self.path)
        port = server.server_address[1]
        name = self.path.rsplit("/", 1)[-1]
        if self.path.startswith("/user-attachments/assets/"):
            targets = {
                "foto": f"http://127.0.0.1:{port}/penyimpanan/foto",
                "lain": f"http://localhost:{port}/penyimpanan/foto",
                "ftp": "ftp://127.0.0.1/foto",
            }
            if name in targets:
                self.send_response(302)
                self.send_header("Location", targets[name])
                self.end_headers()
                return
            self._serve(name)
            return
        self._serve(name)

    def _serve(self, name: str) -> None:
        bodies = {
            "foto": PHOTO,
            "html": b"<!doctype html><html><body>Bukan foto</body></html>",
            "besar": b"\xff\xd8\xff" + b"\0" * (LIMIT_MB * 1024 * 1024 + 1),
        }
        if name == "tanpa-panjang":  # no Content-Length: the limit holds while reading
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()
            self.wfile.write(b"\xff\xd8\xff" + b"\0" * (LIMIT_MB * 1024 * 1024 + 1))
            self.close_connection = True
            return
        if name not in bodies:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")  # what the server says never matters: the bytes do
        self.send_header("Content-Length", str(len(bodies[name])))
        self.end_headers()
        self.wfile.write(bodies[name])


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"plugins:\n  - etalase:\n      images:\n        max_megabytes: {LIMIT_MB}\n", encoding="utf-8")
    return path


def _body(base: str, *names: str) -> str:
    """The wisata form with its photos at ``base`` (the test server), one alt line per photo."""
    body = fixture("wisata")
    photos = body[body.index("### Foto\n") : body.index("### Teks alternatif\n")]
    alts = body[body.index("### Teks alternatif\n") : body.index("### Nama pemotret")]
    body = body.replace(
        photos,
        "### Foto\n\n"
        + "\n".join(f"![IMG_{n}]({base}/user-attachments/assets/{name})" for n, name in enumerate(names))
        + "\n\n",
    )
    return body.replace(
        alts, "### Teks alternatif\n\n" + "\n".join(f"Foto nomor {n}" for n in range(len(names))) + "\n\n"
    )


def test_an_attachment_is_downloaded_through_an_allowed_redirect(
    server: _Server, content: Path, config: Path, tmp_path: Path
) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_kiriman(
        _body(base, "foto"), content, tmp_path, "--test-attachment-host", base, "--config", str(config)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with Image.open(Path(result.stdout.strip()) / "sampul.jpg") as stripped, Image.open(BytesIO(PHOTO)) as original:
        assert stripped.size == original.size and stripped.format == "JPEG"  # the downloaded photo, stripped
        assert not stripped.getexif()
    assert server.hits == ["/user-attachments/assets/foto", "/penyimpanan/foto"]


def test_wrong_hosts_large_files_and_pages_are_refused(
    server: _Server, content: Path, config: Path, tmp_path: Path
) -> None:
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    before = snapshot(content)
    result = run_kiriman(
        _body(base, "lain", "ftp", "besar", "tanpa-panjang", "html", "hilang"),
        content,
        tmp_path,
        "--test-attachment-host",
        base,
        "--config",
        str(config),
    )
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if not line.startswith("    (en) ")] == [
        f"Foto, foto ke-1: dialihkan ke http://localhost:{port}, bukan penyimpanan lampiran GitHub; tidak diunduh",
        "Foto, foto ke-2: dialihkan ke ftp://127.0.0.1, bukan penyimpanan lampiran GitHub; tidak diunduh",
        "Foto, foto ke-3: berkas lebih besar dari 1 MB; perkecil fotonya",
        "Foto, foto ke-4: berkas lebih besar dari 1 MB; perkecil fotonya",
        "Foto, foto ke-5: bukan foto (terdeteksi SVG/HTML); format yang diterima: JPEG, PNG, WebP, HEIC",
        "Foto, foto ke-6: tidak dapat diunduh (HTTP 404); unggah ulang fotonya",
    ]
    assert "/penyimpanan/foto" not in server.hits  # the redirect to another host was never followed
    assert snapshot(content) == before


def test_without_the_test_option_only_github_is_asked(server: _Server, content: Path, tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_kiriman(_body(base, "foto"), content, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        f'Foto: "{base}/user-attachments/assets/foto" bukan foto yang diunggah ke formulir'
    )
    assert server.hits == []


def test_attachment_addresses() -> None:
    text = (
        "![a](https://github.com/user-attachments/assets/0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01)\n"
        '<img width="10" height="10" alt="IMG" src="https://github.com/user-attachments/assets/abc-123" />\n'
        "https://github.com/user-attachments/assets/abc-123\n"
        "[doc.pdf](https://github.com/user-attachments/files/17/doc.pdf) "
        "https://github.com/user-attachments/assets/..%2F..%2Fetc"
    )
    assert find(text, GITHUB) == (
        ["0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01", "abc-123"],
        [
            "https://github.com/user-attachments/files/17/doc.pdf",
            "https://github.com/user-attachments/assets/..%2F..%2Fetc",
        ],
    )
    assert loopback_host("http://127.0.0.1:8080").redirect_hosts == frozenset({"127.0.0.1:8080"})
    for refused in (
        "http://10.0.0.1:80",
        "http://127.0.0.1",
        "https://github.com:443",
        "file:///tmp",
        "http://127.0.0.1:80/x",
    ):
        with pytest.raises(ValueError):
            loopback_host(refused)
