#!/usr/bin/env python3
"""Per-layer CPU summary of JFR execution samples (issue 11, point 4).

Each jdk.ExecutionSample goes to the layer of its innermost frame outside the JDK (java.*, jdk.*, sun.*), so a
HashMap lookup made by Jackson counts as Jackson. Prints one markdown table per recording: the layer's share of the
samples and its three most frequent innermost frames.
  python3 benchmark/profile/jfr-layers.py recording.jfr ...   (JFR: the JDK's jfr tool, $JAVA_HOME/bin/jfr)
"""
import subprocess, sys, re, collections
import os, shutil
JFR = os.path.join(os.environ['JAVA_HOME'], 'bin', 'jfr') if 'JAVA_HOME' in os.environ else shutil.which('jfr') or 'jfr'
LAYERS = [
    ('io.undertow.', 'Undertow'), ('org.xnio.', 'Undertow'),
    ('io.sessionledger.deploy.edge.', 'edge code'), ('io.sessionledger.deploy.', 'launcher code'),
    ('org.apache.kafka.clients.', 'Kafka client'), ('org.apache.kafka.common.', 'Kafka common'),
    ('kafka.', 'Kafka broker'), ('org.apache.kafka.', 'Kafka broker'), ('scala.', 'Kafka broker'),
    ('org.apache.catalina.', 'Tomcat'), ('org.apache.coyote.', 'Tomcat'), ('org.apache.tomcat.', 'Tomcat'),
    ('org.springframework.web.filter.', 'filters'), ('jakarta.servlet.', 'filters'),
    ('io.sessionledger.service.web.', 'filters'), ('io.sessionledger.service.security.', 'filters'),
    ('io.sessionledger.service.metrics.', 'filters'),
    ('org.springframework.web.', 'Spring MVC'), ('org.springframework.http.', 'Spring MVC'),
    ('com.fasterxml.jackson.', 'Jackson'),
    ('org.axonframework.', 'Axon'),
    ('org.postgresql.', 'JDBC'), ('com.zaxxer.hikari.', 'JDBC'), ('org.springframework.jdbc.', 'JDBC'),
    ('io.micrometer.', 'metrics'), ('org.springframework.boot.actuate.', 'metrics'),
    ('ch.qos.logback.', 'logging'), ('org.slf4j.', 'logging'), ('org.apache.logging.', 'logging'),
    ('org.springframework.transaction.', 'Spring tx'), ('org.springframework.', 'Spring other'),
    ('io.sessionledger.', 'ledger code'),
]
JDK = ('java.', 'javax.', 'jdk.', 'sun.', 'com.sun.')
def layer(frame):
    for prefix, name in LAYERS:
        if frame.startswith(prefix): return name
    return None
def samples(path):
    out = subprocess.run([JFR, 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', path],
                         capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith('sampledThread = '):
            thread = s.split('"')[1] if '"' in s else s
        elif s.startswith('stackTrace = ['):
            frames, in_stack = [], True
        elif in_stack and s == ']':
            in_stack = False
            yield thread, frames
        elif in_stack and s and s != '...':
            frames.append(re.sub(r'\s+line:.*$', '', s))
def summarize(path, top=4):
    per = collections.Counter(); tops = collections.defaultdict(collections.Counter); n = 0
    for thread, frames in samples(path):
        n += 1
        name, where = None, None
        for f in frames:
            if f.startswith(JDK): continue
            name, where = layer(f) or 'other', f; break
        if name is None:
            name, where = 'JDK only (threads, I/O, GC helpers)', frames[0] if frames else '?'
        per[name] += 1; tops[name][where.split('(')[0]] += 1
    return n, per, tops
if __name__ == '__main__':
    for path in sys.argv[1:]:
        n, per, tops = summarize(path)
        print(f'\n#### {path}: {n} samples')
        print('| layer | share | top frames (innermost non-JDK) |\n|---|---:|---|')
        for name, c in per.most_common():
            t = '; '.join(f'{f.rsplit(".", 2)[-2]}.{f.rsplit(".", 1)[-1]} {v * 100.0 / n:.1f}%' for f, v in tops[name].most_common(3))
            print(f'| {name} | {c * 100.0 / n:.1f}% | {t} |')
