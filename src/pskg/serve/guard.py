"""What `pskg serve` refuses before a query reaches a backend.

- a ``Host`` header that is not a loopback name (or the ``--host`` given): DNS rebinding;
- a cross-site form post (``Sec-Fetch-Site``/``Origin``): a web page the user visits cannot
  send queries through the browser with a plain ``<form>``;
- a query with ``SERVICE`` (federated query makes the server connect to any URL: SSRF), unless
  the operator allows it;
- a body over the size limit (413), without a length (411), or shorter than it claims (400).
"""
from __future__ import annotations

import re
import socket
import urllib.parse

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "localhost.localdomain", "ip6-localhost"}
WILDCARDS = {"", "0.0.0.0", "::"}
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"}

_LEXEME = re.compile(r"""
    \#[^\n\r]*                                   # a comment
  | '''(?:[^'\\]|\\.|'(?!''))*'''                # long strings
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '(?:[^'\\\n\r]|\\.)*' | "(?:[^"\\\n\r]|\\.)*"  # strings
  | <[^<>"{}|^`\\\x00-\x20]*>                    # an IRI
  | [?$]\w+                                      # a variable
  | (?P<word>[^\W\d][\w\-]*(?::[\w\-.:%]*)?)     # a keyword or prefixed name
""", re.VERBOSE)


class Refused(Exception):
    """A request refused with an HTTP status and a one-line reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def allowed_hosts(bind_host: str) -> set[str] | None:
    """Host names a request may carry; None = any (the server listens on every address)."""
    if bind_host in WILDCARDS:
        return None
    names = set(LOOPBACK_NAMES) | {bind_host.strip("[]").lower()}
    if bind_host not in LOOPBACK_NAMES:
        names.add(socket.getfqdn(bind_host).lower())
    return names


def host_name(value: str) -> str:
    """``[::1]:8000`` → ``::1``; ``Localhost.:80`` → ``localhost``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0].rstrip(".") if value.count(":") == 1 else value.rstrip(".")


def check_host(headers, allowed: set[str] | None) -> None:
    host = headers.get("Host")
    if allowed is not None and (not host or host_name(host) not in allowed):
        raise Refused(403, f"Host {host!r} is not this server's name (DNS rebinding?); "
                           "serve with --host NAME to answer to NAME")


def check_cross_site_form(method: str, headers) -> None:
    """Refuse a form post from another site: it needs no CORS preflight, so only this stops it."""
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if method != "POST" or ctype not in FORM_TYPES:
        return
    fetch_site = (headers.get("Sec-Fetch-Site") or "").lower()
    origin = headers.get("Origin")
    foreign = fetch_site in ("cross-site", "same-site")
    if origin and not foreign and fetch_site != "same-origin":
        parts = urllib.parse.urlsplit(origin)
        foreign = origin == "null" or parts.netloc.lower() != (headers.get("Host") or "").lower()
    if foreign:
        raise Refused(403, "cross-site form posts are refused; send the query with GET, or POST it "
                           "as application/sparql-query")


def uses_service(query: str) -> bool:
    """True if the query has the keyword SERVICE outside strings, IRIs, comments and names."""
    return any(m.group("word") and m.group("word").upper() == "SERVICE" for m in _LEXEME.finditer(query))


def check_query(query: str, allow_service: bool) -> None:
    if not allow_service and uses_service(query):
        raise Refused(403, "SERVICE (federated query) is refused: this endpoint makes no outbound "
                           "connections (start it with --allow-service to permit them)")


def read_body(rfile, headers, max_bytes: int) -> bytes:
    """The request body, at most ``max_bytes``; the socket's timeout bounds a body that never comes."""
    if headers.get("Transfer-Encoding"):
        raise Refused(411, "chunked bodies are not accepted: send a Content-Length")
    length = headers.get("Content-Length")
    if length is None:
        raise Refused(411, "a POST needs a Content-Length")
    if not length.strip().isdigit():
        raise Refused(400, f"bad Content-Length {length!r}")
    if int(length) > max_bytes:
        raise Refused(413, f"request body of {int(length):,} bytes is over the {max_bytes:,}-byte limit")
    try:
        body = rfile.read(int(length))
    except (TimeoutError, OSError):
        body = b""
    if len(body) != int(length):
        raise Refused(400, f"the body ended after {len(body):,} of the {int(length):,} bytes announced")
    return body
