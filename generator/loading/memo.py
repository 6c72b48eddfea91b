"""Record files loaded by an earlier build, kept by each file's digest, so a rebuild parses only the files that changed.

A memo file holds, for each record file of one site root, its kind, the digest of its bytes, what loading it gave
and, once the file has not changed for a while, its stamp: device, inode, size and the times of its last change. A
file whose stamp is the same is taken from the memo without being read, as git trusts its index: any write changes a
file's change time, which no one can set, and a file changed shortly before it was stamped is not stamped at all.

A memo is valid only for the code that wrote it and the site's default time zone, which shape every record. It
lives in this account's cache folder (``statusbook/`` under ``$XDG_CACHE_HOME``, else ``~/.cache``), never beside a
site, since it holds internal records that a public site must not carry. It is a pickle, so it is signed with a key
only this account can read (``statusbook/memo-key``): a memo not signed with it, or damaged, is never unpickled. A
file at the memo's path that does not start as a memo is never read past its first line or replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.account import cache_folder
from generator.fingerprint import code_digest

MEMO_PREFIX = b"statusbook-records-memo "
MAGIC = MEMO_PREFIX + b"4\n"
KEY_BYTES = 32
SIGNATURE_BYTES = 32
SHAPE_BYTES = 16


Stamp = tuple[int, int, int, int, int]
Entry = tuple[str, bytes, bytes, "Stamp | None"]


@dataclass(slots=True)
class Memo:
    """Loaded files by path, each with its kind, digest and what loading it gave (pickled on its own, so a memo written
    again pickles only the files that changed), valid for one code digest and default time zone."""

    shape: tuple[bytes, str | None]
    files: dict[str, Entry] = field(default_factory=dict)

    def get(self, path: str, kind: str, digest: bytes) -> Any | None:
        """What loading the file gave before, if its kind and bytes are the same."""
        found = self.files.get(path)
        return unpickled(found[2]) if found is not None and found[0] == kind and found[1] == digest else None

    def stamped(self, path: str, kind: str, stamp: Stamp) -> Any | None:
        """What loading the file gave before, if its kind is the same and it was stamped exactly as it is now."""
        found = self.files.get(path)
        return unpickled(found[2]) if found is not None and found[0] == kind and found[3] == stamp else None

    def entry(self, path: str, kind: str, digest: bytes, result: Any, stamp: Stamp | None) -> Entry | None:
        """The entry that remembers ``result`` with ``stamp``: this memo's own if it holds the same file so stamped,
        else a new one; None when the result cannot be pickled (the file is parsed next time)."""
        found = self.files.get(path)
        if found is not None and found[0] == kind and found[1] == digest:
            return found if found[3] == stamp else (kind, digest, found[2], stamp)
        try:
            return kind, digest, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), stamp
        except (pickle.PicklingError, TypeError, AttributeError):
            return None


def unpickled(payload: bytes) -> Any | None:
    """A remembered result, or None when it cannot be unpickled (signed by this account, yet not readable by this
    code): the file is parsed instead."""
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any failure only means parsing the file again
        return None


def file_digest(data: bytes) -> bytes:
    """The digest that tells whether a record file changed."""
    return hashlib.blake2b(data, digest_size=16).digest()


def shape_of(zone: Any) -> tuple[bytes, str | None]:
    """What shapes every loaded record besides its file: the code, and the site's default time zone."""
    return code_digest(), None if zone is None else str(zone)


def key_file() -> Path:
    """Where this account's memo key lives."""
    return cache_folder() / "memo-key"


def memo_file_for(root: Path) -> Path:
    """Where the memo of a site root lives: one per root, shared by its public and internal builds."""
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=16).hexdigest()
    return cache_folder() / "records" / f"{name}.memo"


def own_key(path: Path) -> bytes | None:
    """Read the key at ``path`` if it is a regular file of this account that no one else may read or write."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as opened:
        status = os.fstat(opened.fileno())
        private = stat.S_ISREG(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o077
        key = opened.read(KEY_BYTES + 1) if private else b""
    return key if len(key) == KEY_BYTES else None


def memo_key() -> bytes | None:
    """This account's memo key, made on first use; None when it cannot be read or made safely."""
    path = key_file()
    key = own_key(path)
    if key is not None or os.path.lexists(path):
        return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return own_key(path)
    with os.fdopen(handle, "wb") as created:
        created.write(secrets.token_bytes(KEY_BYTES))
    return own_key(path)


def is_memo(path: Path) -> bool:
    """Whether a memo may be written at ``path``: nothing is there, or a memo (of any account or version) is."""
    if not os.path.lexists(path):
        return True
    try:
        with open(path, "rb") as opened:
            return stat.S_ISREG(os.fstat(opened.fileno()).st_mode) and opened.read(len(MEMO_PREFIX)) == MEMO_PREFIX
    except OSError:
        return False


def shape_digest(shape: tuple[bytes, str | None]) -> bytes:
    """A digest of a memo's shape, written before its records so a memo of another shape is never unpickled."""
    return hashlib.blake2b(repr(shape).encode(), digest_size=SHAPE_BYTES).digest()


def read_memo(path: Path, shape: tuple[bytes, str | None]) -> Memo | None:
    """The memo at ``path`` if this account signed it for the same shape; None otherwise."""
    key = memo_key()
    if key is None:
        return None
    try:
        with open(path, "rb") as opened:
            head = opened.read(len(MAGIC) + SIGNATURE_BYTES + SHAPE_BYTES)
            if head[:len(MAGIC)] != MAGIC or head[-SHAPE_BYTES:] != shape_digest(shape):
                return None
            payload = opened.read()
    except OSError:
        return None
    signed = head[-SHAPE_BYTES:] + payload
    if not hmac.compare_digest(head[len(MAGIC):len(MAGIC) + SIGNATURE_BYTES], hmac.digest(key, signed, "sha256")):
        return None
    try:
        memo = pickle.loads(payload)
    except Exception:  # signed by this account, yet unreadable (a file damaged on disk): parse everything instead
        return None
    return memo if isinstance(memo, Memo) and memo.shape == shape else None


def write_memo(path: Path, memo: Memo) -> bool:
    """Sign and write the memo whole, through a temporary file; False when it cannot be (the next build parses all)."""
    key = memo_key()
    if key is None or not is_memo(path):
        return False
    try:
        signed = shape_digest(memo.shape) + pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # a record that cannot be kept is parsed next time
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(handle, "wb") as opened:
            opened.write(MAGIC + hmac.digest(key, signed, "sha256") + signed)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True
