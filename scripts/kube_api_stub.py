#!/usr/bin/env python3
"""A Kubernetes API stand-in that holds state, for the end-to-end test and the rehearsal stack (no cluster runs here).

It serves what the prober reads, as a real API server answers it: the Knative Service torghut, its Revisions (by name
and by label selector), their Pods and the application container's log, the CNPG Cluster torghut-db (from a scenario
file, by default src/test/resources/k8s/healthy.yaml, the fixture the Kubernetes scenario tests use), the Argo CD
Application torghut (GET, merge PATCH), and Events (POST). Anything else is a Kubernetes 404 Status.

Like Argo CD plus Knative, a PATCH that asks for a sync of a git revision rolls the service out: the manifest is read
from the GitOps repository at that revision (git show), a new Revision with its TRADING_ENABLED is created (not Ready
yet, traffic stays on the old one), and ROLLOUT_SECONDS later it is Ready, gets a Pod and takes 100% of the traffic.
Every request is appended to REQUEST_LOG as one JSON line, so the test can check what the prober asked for.

usage: kube_api_stub.py PORT REQUEST_LOG [GIT_DIR MANIFEST_PATH [SCENARIO_YAML [ROLLOUT_SECONDS]]]
"""
import copy, json, os, subprocess, sys, threading, time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT, REQUEST_LOG = int(sys.argv[1]), sys.argv[2]
GIT_DIR = sys.argv[3] if len(sys.argv) > 3 else None
MANIFEST = sys.argv[4] if len(sys.argv) > 4 else None
SCENARIO = sys.argv[5] if len(sys.argv) > 5 else os.path.join(ROOT, 'src/test/resources/k8s/healthy.yaml')
ROLLOUT_SECONDS = float(sys.argv[6]) if len(sys.argv) > 6 else 0.3
LOG_DIR = os.path.join(os.path.dirname(SCENARIO), 'logs')

APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/torghut'
KINDS = {  # plural -> (kind, API prefix)
    'services': ('Service', '/apis/serving.knative.dev/v1/namespaces/torghut/services'),
    'revisions': ('Revision', '/apis/serving.knative.dev/v1/namespaces/torghut/revisions'),
    'pods': ('Pod', '/api/v1/namespaces/torghut/pods'),
    'clusters': ('Cluster', '/apis/postgresql.cnpg.io/v1/namespaces/torghut/clusters'),
    # The prober lists Events (field selector, limit) while the newest revision is not Ready; none are held here.
    'events': ('Event', '/api/v1/namespaces/torghut/events'),
}
lock = threading.Lock()
objects = {plural: {} for plural in KINDS}  # plural -> name -> object
for doc in yaml.safe_load_all(open(SCENARIO)):
    plural = next(p for p, (kind, _) in KINDS.items() if kind == doc['kind'])
    objects[plural][doc['metadata']['name']] = doc
app = {'apiVersion': 'argoproj.io/v1alpha1', 'kind': 'Application',
       'metadata': {'name': 'torghut', 'namespace': 'argocd', 'resourceVersion': '1'}, 'spec': {'project': 'default'}}


def now():
    return datetime.now(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def merge(target, patch):
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        elif isinstance(v, dict) and isinstance(target.get(k), dict):
            merge(target[k], v)
        else:
            target[k] = v


def trading_enabled_at(revision):
    """TRADING_ENABLED of the serving container in the manifest at a git revision (what Argo CD would apply)."""
    text = subprocess.run(['git', '--git-dir', GIT_DIR, 'show', f'{revision}:{MANIFEST}'], capture_output=True, text=True,
                          check=True).stdout
    containers = yaml.safe_load(text)['spec']['template']['spec']['containers']
    chosen = next((c for c in containers if c.get('name') == 'user-container'), None) \
        or next(c for c in containers if c.get('ports'))
    return next(e['value'] for e in chosen.get('env', []) if e['name'] == 'TRADING_ENABLED')


def set_env(container, value):
    for e in container.setdefault('env', []):
        if e['name'] == 'TRADING_ENABLED':
            e['value'] = value
            return
    container['env'].append({'name': 'TRADING_ENABLED', 'value': value})


def ready(resource, status):
    for c in resource.setdefault('status', {}).setdefault('conditions', []):
        if c['type'] == 'Ready':
            c['status'] = status


def roll_out(git_revision):
    """Argo CD syncs the commit, Knative creates a revision from it; it becomes Ready and takes all traffic."""
    trading = trading_enabled_at(git_revision)
    with lock:
        ksvc = objects['services']['torghut']
        old = ksvc['status']['latestReadyRevisionName']
        prefix, number = old.rsplit('-', 1)
        new = f'{prefix}-{int(number) + 1:0{len(number)}d}'
        revision = copy.deepcopy(objects['revisions'][old])
        revision['metadata'].update(name=new, creationTimestamp=now())
        for c in revision['spec']['containers']:
            if c.get('name') == 'user-container' or c.get('ports'):
                set_env(c, trading)
        ready(revision, 'Unknown')
        objects['revisions'][new] = revision
        for c in ksvc['spec']['template']['spec']['containers']:
            set_env(c, trading)
        ksvc['status']['latestCreatedRevisionName'] = new
    time.sleep(ROLLOUT_SECONDS)
    with lock:
        ready(revision, 'True')
        ksvc['status']['latestReadyRevisionName'] = new
        ksvc['status']['traffic'] = [{'revisionName': new, 'latestRevision': True, 'percent': 100}]
        for name, pod in list(objects['pods'].items()):
            if pod['metadata']['labels'].get('serving.knative.dev/revision') == old:
                del objects['pods'][name]
                pod = copy.deepcopy(pod)
                pod['metadata']['name'] = name.replace(old, new, 1)
                pod['metadata']['labels'].update({'serving.knative.dev/revision': new, 'app': new})
                pod['metadata']['creationTimestamp'] = now()
                objects['pods'][pod['metadata']['name']] = pod


def matches(obj, selector):
    labels = obj['metadata'].get('labels', {})
    return all(labels.get(k) == v for k, v in (term.split('=', 1) for term in selector.split(',') if term))


class Handler(BaseHTTPRequestHandler):
    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return json.loads(self.rfile.read(n) or b'{}') if n else None

    def _send(self, code, obj, content_type='application/json'):
        data = obj.encode() if isinstance(obj, str) else json.dumps(obj).encode()
        self.send_response(code); self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)

    def _status(self, code, reason, message):
        self._send(code, {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'reason': reason, 'code': code,
                          'message': message})

    def _log(self, body):
        with open(REQUEST_LOG, 'a') as f:
            f.write(json.dumps({'method': self.command, 'path': self.path, 'contentType': self.headers.get('Content-Type'),
                                'body': body}) + '\n')

    def _read(self, path, query):
        """Answers a GET of a held object, a list or a log; False when the path is none of them."""
        for plural, (kind, prefix) in KINDS.items():
            if path == prefix:
                selector = query.get('labelSelector', [''])[0]
                with lock:
                    items = [copy.deepcopy(o) for o in objects[plural].values() if matches(o, selector)]
                limit = int(query.get('limit', ['0'])[0])
                self._send(200, {'kind': kind + 'List', 'apiVersion': 'v1', 'metadata': {'resourceVersion': '1'},
                                        'items': items[:limit] if limit else items})
                return True
            if path.startswith(prefix + '/'):
                name, _, sub = path[len(prefix) + 1:].partition('/')
                with lock:
                    found = copy.deepcopy(objects[plural].get(name))
                if found is None:
                    self._status(404, 'NotFound', f'{plural} "{name}" not found')
                elif sub == 'log' and query.get('previous') == ['true']:
                    self._status(400, 'BadRequest', f'previous terminated container "{query["container"][0]}" in pod "{name}" not found')
                elif sub == 'log':
                    self._send(200, open(os.path.join(LOG_DIR, 'healthy.log')).read(), 'text/plain')
                else:
                    self._send(200, found)
                return True
        return False

    def _handle(self):
        body = self._body() if self.command in ('POST', 'PATCH', 'PUT') else None
        self._log(body)
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        if path == APP_PATH and self.command == 'GET':
            return self._send(200, app)
        if path == APP_PATH and self.command == 'PATCH':
            with lock:
                merge(app, body or {}); app['metadata']['resourceVersion'] = str(int(app['metadata']['resourceVersion']) + 1)
                answer = copy.deepcopy(app)
            revision = ((body or {}).get('operation') or {}).get('sync', {}).get('revision')
            if revision and GIT_DIR:
                threading.Thread(target=roll_out, args=(revision,), daemon=True).start()
            return self._send(200, answer)
        if path.endswith('/events') and self.command == 'POST':
            return self._send(201, body)
        if self.command == 'GET' and self._read(path, query):
            return None
        self._status(404, 'NotFound', f'{path} not found (kube_api_stub)')

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

    def log_message(self, *args):
        pass


ThreadingHTTPServer(('127.0.0.1', PORT), Handler).serve_forever()
