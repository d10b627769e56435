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

  outtool.py release OUT [FIFO] -- CMD...
      Run CMD (a link over the existing file OUT) with its standard output and error on a pipe,
      and follow the processes other than CMD that hold OUT's inode open (the link-editor's
      releasing process). With FIFO (the link's -Map, a FIFO nobody else reads), the link is held
      at its end until such a process is found and its descriptors are described ("holder:" and
      "holds:" lines); then the FIFO is read and the link finishes. Prints what CMD printed, how
      it ended ("exit N"), then "released" once no such process holds the old file any more.
      Without FIFO, OUT must keep its name (a failing link): holders are looked for by its inode.
"""

import os
import signal
import stat
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


def fd_targets(pid):
    """(fd, stat result) for each descriptor of process pid (empty if it is gone)."""
    fd_dir = '/proc/%d/fd' % pid
    try:
        fds = os.listdir(fd_dir)
    except OSError:
        return []
    out = []
    for fd in fds:
        try:
            out.append((int(fd), os.stat(os.path.join(fd_dir, fd))))
        except OSError:
            continue
    return out


def holders_of(key, skip):
    found = []
    for name in os.listdir('/proc'):
        if not name.isdigit() or int(name) in skip:
            continue
        if any((st.st_dev, st.st_ino) == key for _, st in fd_targets(int(name))):
            found.append(int(name))
    return found


def parent_of(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            return int(f.read().rsplit(')', 1)[1].split()[1])
    except OSError:
        return None


def release(args):
    rest, cmd = split_cmd(args)
    out, fifo = rest[0], (rest[1] if len(rest) > 1 else None)
    st = os.stat(out)
    key = (st.st_dev, st.st_ino)
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    pipe_ino = os.fstat(p.stdout.fileno()).st_ino
    me = os.getpid()
    held_by = []
    if fifo:
        deadline = time.monotonic() + 120
        while not held_by:
            held_by = holders_of(key, (me, p.pid))
            if held_by:
                break
            if p.poll() is not None or time.monotonic() > deadline:
                print('no process but the link held %s' % out)
                p.kill()
                return 1
            time.sleep(0.005)
        for h in held_by:
            print('holder: %s' % ('child of the link' if parent_of(h) == p.pid else
                                  'parent %s' % parent_of(h)))
            kinds = []
            for _, fst in fd_targets(h):
                if (fst.st_dev, fst.st_ino) == key:
                    kinds.append('old output')
                elif stat.S_ISFIFO(fst.st_mode):
                    kinds.append('standard output of the link' if fst.st_ino == pipe_ino else
                                 'pipe')
                else:
                    kinds.append('other file')
            print('holds: %s' % ', '.join(sorted(kinds)))
        with open(fifo, 'rb') as f:
            while f.read(65536):
                pass
    try:
        text, _ = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        print('the link did not end, or its standard output stayed open')
        return 1
    sys.stdout.write(text.decode(errors='replace'))
    print('exit %d' % p.returncode)

    def held():
        if not fifo:  # the old file still has its name: its inode is its own
            return holders_of(key, (me,))
        return [h for h in held_by if any((s.st_dev, s.st_ino) == key for _, s in fd_targets(h))]

    deadline = time.monotonic() + 120
    while held():
        if time.monotonic() > deadline:
            print('still held')
            return 1
        time.sleep(0.005)
    print('released')
    return 0


def ls(args):
    for name in sorted(os.listdir(args[0])):
        print(name)
    return 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    return {'plant': plant, 'signal': send_signal, 'ls': ls, 'release': release}[cmd](args)


if __name__ == '__main__':
    sys.exit(main())
