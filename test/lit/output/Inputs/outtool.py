"""Process control for the output-file tests, which the shell cannot do portably.

  outtool.py plant DIR/OUT VICTIM -- CMD...
      Run CMD with a symbolic link DIR/OUT.tld-tmp.<pid> -> VICTIM planted first, <pid> being
      the pid CMD will run with (the name a link-editor that names its temporary after its pid
      would use). Exits with CMD's status.

  outtool.py signal SIG DIR -- CMD...
      Start CMD; as soon as it has a file open in DIR or a new name appears there (its
      temporary output, unnamed or named), send it SIG (INT, TERM, HUP, ...). CMD must then be unable to finish on its own, e.g. because its
      -Map is a FIFO nobody reads. Prints how CMD ended ("killed by SIGTERM", "exit 0").

  outtool.py ls DIR
      The names in DIR, sorted, one a line (hidden ones too).
"""

import os
import signal
import subprocess
import sys
import time


def split_cmd(args):
    i = args.index('--')
    return args[:i], args[i + 1:]


def plant(args):
    (out, victim), cmd = split_cmd(args)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(w)
        os.read(r, 1)  # wait until the link is planted
        os.execvp(cmd[0], cmd)
    os.close(r)
    os.symlink(victim, '%s.tld-tmp.%d' % (out, pid))
    os.write(w, b'x')
    os.close(w)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def open_in(pid, d):
    """Does process pid have a file open in directory d?"""
    fd_dir = '/proc/%d/fd' % pid
    try:
        fds = os.listdir(fd_dir)
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if os.path.dirname(target) == d:
            return True
    return False


def send_signal(args):
    (signame, d), cmd = split_cmd(args)
    sig = getattr(signal, 'SIG' + signame)
    d = os.path.realpath(d)

    def default_signals():
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGPIPE):
            signal.signal(s, signal.SIG_DFL)

    before = set(os.listdir(d))
    p = subprocess.Popen(cmd, preexec_fn=default_signals)
    deadline = time.monotonic() + 120
    while not open_in(p.pid, d) and set(os.listdir(d)) <= before:
        if p.poll() is not None:
            print('finished before it opened anything in %s: exit %d' % (d, p.returncode))
            return 1
        if time.monotonic() > deadline:
            p.kill()
            print('never opened anything in %s' % d)
            return 1
        time.sleep(0.005)
    p.send_signal(sig)
    try:
        rc = p.wait(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        print('did not end after %s' % signal.Signals(sig).name)
        return 1
    if rc < 0:
        print('killed by %s' % signal.Signals(-rc).name)
    else:
        print('exit %d' % rc)
    return 0


def ls(args):
    for name in sorted(os.listdir(args[0])):
        print(name)
    return 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    return {'plant': plant, 'signal': send_signal, 'ls': ls}[cmd](args)


if __name__ == '__main__':
    sys.exit(main())
