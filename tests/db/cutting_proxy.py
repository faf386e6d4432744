"""A TCP proxy in front of a PostgreSQL server that cuts one connection exactly at its commit.

Armed with ``"before"`` it drops the connection on the client's ``COMMIT`` message, which the
server then never receives (the transaction is rolled back); armed with ``"after"`` it lets the
``COMMIT`` through and drops the connection on the server's answer to it, which the client then
never receives (the transaction is committed). Either way the client sees the connection lost
at the commit and cannot tell which happened. One cut per arming; every other connection and
message passes untouched. ``go_dark=True`` also closes the proxy at the cut: the client then
finds no server at all, as when the store stays away.
"""

from __future__ import annotations

import selectors
import socket
import threading

# The simple-query message psycopg sends to commit, and the server's CommandComplete for it.
CLIENT_COMMIT = b"Q\x00\x00\x00\x0bCOMMIT\x00"
SERVER_COMMITTED = b"C\x00\x00\x00\x0bCOMMIT\x00"


class CuttingProxy:
    def __init__(self, host: str, port: int):
        self._target = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._armed: str | None = None
        self._go_dark = False
        self._lock = threading.Lock()
        self.cuts = 0
        self._closing = False
        self._open: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, when: str, *, go_dark: bool = False) -> None:
        """Cut the next commit of any connection, ``"before"`` or ``"after"`` the server has it."""
        with self._lock:
            self._armed, self._go_dark = when, go_dark

    def _take(self, when: str, chunk: bytes, marker: bytes) -> bool:
        with self._lock:
            if self._armed == when and marker in chunk:
                self._armed = None
                self.cuts += 1
                if self._go_dark:
                    self.close()
                return True
        return False

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._closing:
                client.close()
                return
            server = socket.create_connection(self._target)
            self._open.update((client, server))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, (server, "before", CLIENT_COMMIT))
        selector.register(server, selectors.EVENT_READ, (client, "after", SERVER_COMMITTED))
        try:
            while True:
                for key, _ in selector.select():
                    peer, when, marker = key.data
                    chunk = key.fileobj.recv(65536)
                    if not chunk or self._take(when, chunk, marker):
                        return
                    peer.sendall(chunk)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, server):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def close(self) -> None:
        """Stop taking connections and drop every open one."""
        self._closing = True
        for sock in [self._listener, *self._open]:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._listener.close()
