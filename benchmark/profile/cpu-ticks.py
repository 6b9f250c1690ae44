#!/usr/bin/env python3
"""CPU ticks (utime + stime, USER_HZ = 10 ms) so far of the local system's processes, as JSON: the launcher (edge and
broker), its command-side and query-side children, and the PostgreSQL backends of its database.
  python3 benchmark/profile/cpu-ticks.py LAUNCHER_PID DATABASE"""
import os, sys, json
def ticks(pid):
    try:
        s = open(f'/proc/{pid}/stat').read()
        f = s[s.rindex(')')+2:].split()
        return int(f[11]) + int(f[12])
    except Exception:
        return 0
def cmd(pid):
    try: return open(f'/proc/{pid}/cmdline','rb').read().replace(b'\0',b' ').decode(errors='replace')
    except Exception: return ''
launcher, db = int(sys.argv[1]), sys.argv[2]
out = {'launcher': 0, 'command': 0, 'query': 0, 'postgres': 0}
kids = {}
for p in os.listdir('/proc'):
    if not p.isdigit(): continue
    try:
        st = open(f'/proc/{p}/stat').read(); ppid = int(st[st.rindex(')')+2:].split()[1])
    except Exception: continue
    kids.setdefault(ppid, []).append(int(p))
    c = cmd(p)
    if c.startswith('postgres: ') and f' {db} ' in c:
        out['postgres'] += ticks(p)
out['launcher'] = ticks(launcher)
for k in kids.get(launcher, []):
    c = cmd(k)
    if 'command-side' in c: out['command'] += ticks(k)
    elif 'query-side' in c: out['query'] += ticks(k)
print(json.dumps(out))
