"""A kernel fork server: each page still gets a fresh kernel process, without paying for imports.

A plain kernel starts a new Python, imports ipykernel (IPython, zmq, tornado) and then the page
imports JAX: several seconds of CPU per page, the same work every time. Here one *server*
process, started by ``sphinxext/kernel_forks.py`` for the build, does those imports once
(``PRELOAD``; no JAX backend is started, no kernel object exists) and then waits. Each kernel
the build asks for is a ``fork()`` of it: a new process with a copy of the imported modules,
which then starts an ipykernel exactly as ``python -m ipykernel_launcher -f <file>`` would, in
the working folder and environment of the request. Nothing runs in the server after the
imports, so no page's state can reach another page.

The kernelspec's command is this file as a *stub* (``python forked_kernel.py -f <file>``): a
small process that jupyter_client starts, watches and signals as if it were the kernel. The stub
sends its working folder, environment and standard streams to the server, passes signals on to
its forked kernel and exits with the kernel's exit status. The forked kernel exits when its stub
or the build process dies. When the server cannot be reached, or the request's environment
differs from the server's in anything but the per-kernel variables (``shared_env``), the stub
replaces itself with a plain ``python -m ipykernel_launcher``: a build never depends on the
server. The server logs each request (forked or plain) next to its socket.

Only the standard library is imported at the top: the stub must start in milliseconds.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import sys
import traceback

SOCKET_VAR = "FORKED_KERNEL_SOCKET"
# Names of variables, besides jupyter_client's JPY_*, that differ from kernel to kernel and are
# read only after the kernel starts (comma-separated; set by the build).
PER_KERNEL_VAR = "FORKED_KERNEL_PER_KERNEL_VARS"
# Imported once by the server: the modules `ipykernel.kernelapp` imports, JAX and the part of
# matplotlib every figure needs. Not `ipykernel.kernelapp` itself (its options' defaults read
# JPY_PARENT_PID when it is imported), not matplotlib_inline's backend (importing it configures
# the inline figures of the kernel that exists at that moment: none), not matplotlib.pyplot.
PRELOAD = ("zmq", "zmq.eventloop.zmqstream", "tornado.ioloop", "IPython.core.application",
           "IPython.core.profiledir", "IPython.core.shellapp", "jupyter_client.connect",
           "jupyter_client.session", "ipykernel.connect", "ipykernel.control",
           "ipykernel.heartbeat", "ipykernel.iostream", "ipykernel.ipkernel",
           "ipykernel.parentpoller", "ipykernel.shellchannel", "ipykernel.zmqshell",
           "jax", "jax.numpy", "numpy", "matplotlib", "matplotlib.figure",
           "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg")
FRESH = ("ipykernel.kernelapp", "matplotlib.pyplot", "matplotlib_inline.backend_inline")
# The inline backend ipykernel selects at start-up when MPLBACKEND is unset; matplotlib reads
# MPLBACKEND when it is imported, so the server sets it first, as a fresh kernel would have.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
HEADER = struct.Struct("!I")
# How long a stub waits for the server to finish its imports before it starts a plain kernel
# instead: jupyter_client gives a kernel 60 s to answer, and a plain one still needs a few.
READY_WAIT = 30.0
STREAMS = 3  # stdin, stdout, stderr of the stub become the kernel's
WATCHED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
                   signal.SIGUSR1, signal.SIGUSR2)


def shared_env(env: dict[str, str]) -> dict[str, str]:
    """The variables every kernel of the build must share with the server: all but the
    per-kernel ones. A request whose shared variables differ is started as a plain kernel."""
    per_kernel = {SOCKET_VAR, PER_KERNEL_VAR, *env.get(PER_KERNEL_VAR, "").split(",")}
    return {name: value for name, value in env.items()
            if name not in per_kernel and not name.startswith("JPY_")}


# --- the stub: what jupyter_client starts --------------------------------------------------------

def plain_kernel(args: list[str]) -> None:
    os.environ.pop(SOCKET_VAR, None)
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *args])


def _read_line(conn: socket.socket, buffer: bytearray) -> str | None:
    while b"\n" not in buffer:
        try:
            chunk = conn.recv(4096)
        except InterruptedError:
            continue
        if not chunk:
            return None
        buffer += chunk
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line.decode()


def stub(args: list[str]) -> None:
    path = os.environ.get(SOCKET_VAR)
    if not path:
        plain_kernel(args)
    request = json.dumps({"args": args, "cwd": os.getcwd(), "env": dict(os.environ),
                          "stub": os.getpid()}).encode()
    buffer = bytearray()
    reply = None
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.settimeout(READY_WAIT)
        conn.connect(path)
        socket.send_fds(conn, [HEADER.pack(len(request)) + request], [0, 1, 2])
        if _read_line(conn, buffer) == "ready":  # not "no ...", and in time
            conn.settimeout(None)
            conn.sendall(b"go\n")  # from here on the server forks: no turning back
            reply = _read_line(conn, buffer)
    except OSError:  # no server, or not ready in time (the socket closes on exec)
        pass
    if not reply or not reply.startswith("ok "):
        plain_kernel(args)  # no server, or it declined: a fresh interpreter, as without it
    pid = int(reply.split()[1])

    def forward(signum, frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in WATCHED_SIGNALS:
        signal.signal(signum, forward)
    status = _read_line(conn, buffer)
    if status is None:  # the server went away first: wait for the kernel itself
        try:
            pidfd = os.pidfd_open(pid)
            while not select.select([pidfd], [], [])[0]:
                pass
        except OSError:
            pass
        os._exit(1)
    code = int(status.split()[1])
    os._exit(code if code >= 0 else 128 - code)


# --- the server -------------------------------------------------------------------------------

def _receive(conn: socket.socket):
    data, fds, _, _ = socket.recv_fds(conn, 1 << 16, STREAMS)
    data = bytearray(data)
    while len(data) < HEADER.size:
        data += conn.recv(1 << 16)
    (size,) = HEADER.unpack_from(data)
    while len(data) < HEADER.size + size:
        chunk = conn.recv(1 << 16)
        if not chunk:
            raise OSError("request cut short")
        data += chunk
    return json.loads(data[HEADER.size:HEADER.size + size]), fds


def _watch_and_exit(pids: list[int]) -> None:
    """In the kernel: exit at once when the stub or the build process is gone."""
    import threading

    fds = []
    for pid in pids:
        try:
            fds.append(os.pidfd_open(pid))
        except OSError:
            os._exit(1)

    def watch():
        select.select(fds, [], [])
        os._exit(1)

    threading.Thread(target=watch, name="forked-kernel-watch", daemon=True).start()


def _as_if_imported_in_the_kernel(app, handlers, before) -> None:
    """Redo what the preloaded modules did at import that depends on running inside a kernel:
    a fresh kernel imports them in its first cell, with ipykernel's standard streams, inside its
    shell, after traitlets configured logging. So, before the first cell: the logging handlers
    made at import (JAX makes two), which traitlets' logging set-up dropped from logging's list
    of handlers, are listed again and write to the cell's streams, not the build's; JAX colours
    printed jaxprs, as it does when it finds a notebook shell."""
    import logging

    shell = app.shell

    def before_first_cell(*args):
        shell.events.unregister("pre_run_cell", before_first_cell)
        listed = {id(ref()) for ref in list(getattr(logging, "_handlerList", []))}
        for handler in handlers:
            if handler.stream in (before[1], sys.__stderr__):
                handler.setStream(sys.stderr)
            elif handler.stream in (before[0], sys.__stdout__):
                handler.setStream(sys.stdout)
            if id(handler) not in listed and hasattr(logging, "_addHandlerRef"):
                handler._closed = False
                logging._addHandlerRef(handler)
        printer = sys.modules.get("jax._src.pretty_printer")
        if printer is not None:
            with shell.builtin_trap:  # get_ipython() exists only inside, as in a cell
                printer.CAN_USE_COLOR = printer._can_use_color()

    shell.events.register("pre_run_cell", before_first_cell)


def _become_kernel(request: dict, fds: list[int], closing: list) -> None:
    """In the forked child: the process of ``python -m ipykernel_launcher ARGS``. Never returns."""
    code = 1
    try:
        for item in closing:
            item.close()
        for signum in (*WATCHED_SIGNALS, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # as Python sets it at start-up
        os.setsid()  # its own session, as jupyter_client starts kernels
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        env = {k: v for k, v in request["env"].items() if k != SOCKET_VAR}
        os.environ.clear()
        os.environ.update(env)
        watched = [request["stub"]]
        if env.get("JPY_PARENT_PID", "").isdigit():
            watched.append(int(env["JPY_PARENT_PID"]))
        _watch_and_exit(watched)
        if "numpy.random" in sys.modules:  # a fresh interpreter seeds it from the OS
            sys.modules["numpy.random"].seed()
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *request["args"]]
        from ipykernel import kernelapp

        try:
            import logging

            before = (sys.stdout, sys.stderr)
            handlers = [h for h in (ref() for ref in list(getattr(logging, "_handlerList", [])))
                        if isinstance(h, logging.StreamHandler)]
            app = kernelapp.IPKernelApp.instance()  # what launch_new_instance() does
            app.initialize()
            _as_if_imported_in_the_kernel(app, handlers, before)
            app.start()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        import atexit

        atexit._run_exitfuncs()
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


def serve(path: str) -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and os.path.abspath(sys.path[0] or ".") == here:
        del sys.path[0]  # as for `python -m ipykernel_launcher`: no script folder on the path
    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)  # requests queue while the imports below run
    expected = shared_env(os.environ)
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    # Were one of these imported on the way, kernels forked from here would differ from fresh
    # ones: every request then gets a plain kernel.
    broken = [name for name in FRESH if name in sys.modules]
    log = open(path + ".log", "a", buffering=1)  # noqa: SIM115 (one line per request)
    open(path + ".ready", "w").close()  # the build waits for this before it reads pages

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    kernels: dict[int, socket.socket] = {}  # kernel pid -> its stub's connection
    while not stopping and os.getppid() == parent:
        try:
            ready = select.select([listener], [], [], 0.05)[0]
        except InterruptedError:
            ready = []
        if ready:
            conn, _ = listener.accept()
            conn.settimeout(10)  # a stub that stalls cannot stall the server
            fds = []
            try:
                request, fds = _receive(conn)
                theirs = shared_env(request["env"])
                differs = sorted(name for name in {*theirs, *expected}
                                 if theirs.get(name) != expected.get(name)) + broken
                if differs or len(fds) != STREAMS:
                    print(f"plain {request['cwd']} {','.join(differs)}", file=log)
                    conn.sendall(f"no {','.join(differs)}\n".encode())
                    conn.close()
                    for fd in fds:
                        os.close(fd)
                    fds = []
                else:
                    # Fork only once the stub confirms it is still waiting (it may have given
                    # up and become a plain kernel on the same connection file).
                    conn.sendall(b"ready\n")
                    if _read_line(conn, bytearray()) != "go":
                        raise OSError("the stub gave up")
                    pid = os.fork()
                    if pid == 0:
                        _become_kernel(request, fds, [listener, log, *kernels.values()])
                    for fd in fds:
                        os.close(fd)
                    fds = []
                    print(f"forked {request['cwd']}", file=log)
                    conn.sendall(f"ok {pid}\n".encode())
                    kernels[pid] = conn
            except OSError:
                conn.close()
                for fd in fds:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
        while kernels:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn = kernels.pop(pid, None)
            if conn is not None:
                try:
                    conn.sendall(f"exit {os.waitstatus_to_exitcode(status)}\n".encode())
                except OSError:
                    pass
                conn.close()
    listener.close()
    log.close()
    for leftover in (path, path + ".log", path + ".ready"):
        try:
            os.unlink(leftover)
        except OSError:
            pass
    try:
        os.rmdir(os.path.dirname(path))  # the build's folder for it, when nothing else is there
    except OSError:
        pass


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2])
    else:
        stub(sys.argv[1:])
