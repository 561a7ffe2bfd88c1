#!/usr/bin/env python3
"""The one Kubernetes API stand-in of the scripts and benches (no cluster runs here). Loopback only.

It holds every object in memory by its API path, as a real API server answers it:
- GET of an object, of a list (labelSelector, fieldSelector by equality, limit; a known collection with nothing in
  it is an empty list) and of a Pod's log (the application container's, src/test/resources/k8s/logs/healthy.log;
  previous=true is a 400);
- POST creates (metadata.generateName honoured; an existing name is 409 AlreadyExists), PUT replaces and PATCH merges
  (RFC 7386), both refusing a stale metadata.resourceVersion with 409 Conflict, as leader election relies on
  (fabric8's LeaseLock takes and renews its Lease with a merge patch carrying the resourceVersion, and releases it
  with a PUT); anything else unknown is a Kubernetes 404 Status.
It starts with a scenario (by default src/test/resources/k8s/healthy.yaml, the fixture the Kubernetes scenario tests
use: the Knative Service torghut, its Revision, Pod and the CNPG Cluster torghut-db) and the Argo CD Application
torghut. Leases and Events are kept like any other object.

Like Argo CD plus Knative, with --gitops a PATCH of the Application that asks for a sync of a git revision rolls the
service out: the manifest is read from the GitOps repository at that revision (git show), a new Revision with its
TRADING_ENABLED is created (not Ready yet, traffic stays on the old one), and --rollout-seconds later it is Ready,
gets a Pod and takes 100% of the traffic. Without --gitops the live revision never changes (a pause is never
confirmed).

With --requests every request is appended as one JSON line (t = Unix time, method, path, contentType, body): the
end-to-end test checks what the prober asked for, bench/k8s-api-rate.sh counts requests per minute from it.

Faults, by signal: after SIGUSR1 every request is accepted and never answered (an API server gone silent); after
SIGUSR2 a PATCH of the Argo CD Application is answered only after --slow-patch-seconds, and "PATCH <path>" is printed
on stderr when it arrives (a pause held in flight by a slow API).

usage: kube_api_stub.py (--port PORT | --port-file FILE) [--requests FILE] [--scenario YAML]
                        [--gitops GIT_DIR MANIFEST_PATH] [--rollout-seconds S] [--slow-patch-seconds S]
"""
import argparse
import copy
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMESPACE = 'torghut'
KINDS = {  # the scenario's kinds: kind -> collection path in the namespace
    'Service': '/apis/serving.knative.dev/v1/namespaces/torghut/services',
    'Revision': '/apis/serving.knative.dev/v1/namespaces/torghut/revisions',
    'Pod': '/api/v1/namespaces/torghut/pods',
    'Cluster': '/apis/postgresql.cnpg.io/v1/namespaces/torghut/clusters',
}
SERVICES, REVISIONS, PODS = KINDS['Service'], KINDS['Revision'], KINDS['Pod']
APPLICATIONS = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications'
# Collections a real API server knows: listed empty when nothing is in them, not a 404.
COLLECTIONS = {'events', 'leases', 'services', 'revisions', 'pods', 'clusters', 'applications'}

options = None
lock = threading.Lock()
objects = {}  # API path -> object
version = [0]
frozen = threading.Event()
slow_patch = threading.Event()


def parse_options(argv):
    parser = argparse.ArgumentParser(description='A Kubernetes API stand-in on 127.0.0.1.')
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument('--port', type=int, help='the port to listen on')
    where.add_argument('--port-file', help='listen on an ephemeral port and write it to this file')
    parser.add_argument('--requests', help='append every request to this file as a JSON line')
    parser.add_argument('--scenario', default=os.path.join(ROOT, 'src/test/resources/k8s/healthy.yaml'),
                        help='the objects held at the start (YAML documents)')
    parser.add_argument('--gitops', nargs=2, metavar=('GIT_DIR', 'MANIFEST_PATH'),
                        help='roll out what the Argo CD Application is asked to sync, read from this repository')
    parser.add_argument('--rollout-seconds', type=float, default=0.3, help='from a sync to the new revision Ready')
    parser.add_argument('--slow-patch-seconds', type=float, default=4.0,
                        help='after SIGUSR2, how long a PATCH of the Application waits for its answer')
    return parser.parse_args(argv)


def now():
    return datetime.now(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def stamp(obj):
    """Gives the object the store's next resourceVersion (call with the lock held)."""
    version[0] += 1
    obj.setdefault('metadata', {})['resourceVersion'] = str(version[0])
    return obj


def status(code, reason, message):
    return code, {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'reason': reason, 'code': code,
                  'message': message}


def merge(target, patch):
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value


def load(scenario):
    for doc in yaml.safe_load_all(open(scenario)):
        objects[KINDS[doc['kind']] + '/' + doc['metadata']['name']] = stamp(doc)
    objects[APPLICATIONS + '/torghut'] = stamp({
        'apiVersion': 'argoproj.io/v1alpha1', 'kind': 'Application',
        'metadata': {'name': 'torghut', 'namespace': 'argocd'}, 'spec': {'project': 'default'}})


def trading_enabled_at(revision):
    """TRADING_ENABLED of the serving container in the manifest at a git revision (what Argo CD would apply)."""
    git_dir, manifest = options.gitops
    text = subprocess.run(['git', '--git-dir', git_dir, 'show', f'{revision}:{manifest}'], capture_output=True,
                          text=True, check=True).stdout
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


def ready(resource, value):
    for c in resource.setdefault('status', {}).setdefault('conditions', []):
        if c['type'] == 'Ready':
            c['status'] = value


def roll_out(git_revision):
    """Argo CD syncs the commit, Knative creates a revision from it; it becomes Ready and takes all traffic."""
    trading = trading_enabled_at(git_revision)
    with lock:
        ksvc = objects[SERVICES + '/torghut']
        old = ksvc['status']['latestReadyRevisionName']
        prefix, number = old.rsplit('-', 1)
        new = f'{prefix}-{int(number) + 1:0{len(number)}d}'
        revision = copy.deepcopy(objects[REVISIONS + '/' + old])
        revision['metadata'].update(name=new, creationTimestamp=now())
        for c in revision['spec']['containers']:
            if c.get('name') == 'user-container' or c.get('ports'):
                set_env(c, trading)
        ready(revision, 'Unknown')
        objects[REVISIONS + '/' + new] = stamp(revision)
        for c in ksvc['spec']['template']['spec']['containers']:
            set_env(c, trading)
        ksvc['status']['latestCreatedRevisionName'] = new
        stamp(ksvc)
    time.sleep(options.rollout_seconds)
    with lock:
        ready(revision, 'True')
        stamp(revision)
        ksvc['status']['latestReadyRevisionName'] = new
        ksvc['status']['traffic'] = [{'revisionName': new, 'latestRevision': True, 'percent': 100}]
        stamp(ksvc)
        for path, pod in list(objects.items()):
            if path.startswith(PODS + '/') and pod['metadata']['labels'].get('serving.knative.dev/revision') == old:
                del objects[path]
                pod = copy.deepcopy(pod)
                pod['metadata']['name'] = pod['metadata']['name'].replace(old, new, 1)
                pod['metadata']['labels'].update({'serving.knative.dev/revision': new, 'app': new})
                pod['metadata']['creationTimestamp'] = now()
                objects[PODS + '/' + pod['metadata']['name']] = stamp(pod)


def matches(obj, selector):
    labels = obj['metadata'].get('labels', {})
    return all(labels.get(k) == v for k, v in (term.split('=', 1) for term in selector.split(',') if term))


def matches_fields(obj, selector):
    """Equality field selectors on dotted paths (involvedObject.name=x,reason=y), as the prober lists Events."""
    def field(path):
        value = obj
        for part in path.split('.'):
            value = value.get(part) if isinstance(value, dict) else None
        return value
    return all(field(k) == v for k, v in (term.split('=', 1) for term in selector.split(',') if term))


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def parse_request(self):
        if not super().parse_request():
            return False
        while frozen.is_set():
            time.sleep(3600)
        return True

    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return json.loads(self.rfile.read(n) or b'{}') if n else {}

    def _send(self, code, obj, content_type='application/json'):
        data = obj.encode() if isinstance(obj, str) else json.dumps(obj).encode()
        self.send_response(code)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self, body):
        if options.requests:
            line = json.dumps({'t': time.time(), 'method': self.command, 'path': self.path,
                               'contentType': self.headers.get('Content-Type'), 'body': body})
            with lock, open(options.requests, 'a') as f:
                f.write(line + '\n')

    def _handle(self):
        body = self._body() if self.command in ('POST', 'PUT', 'PATCH') else None
        self._record(body)
        url = urlsplit(self.path)
        path = url.path.rstrip('/')
        if self.command == 'GET':
            return self._get(path, parse_qs(url.query))
        if self.command == 'POST':
            return self._send(*self._create(path, body))
        if self.command == 'PUT':
            return self._send(*self._replace(path, body))
        if self.command == 'PATCH':
            return self._send(*self._patch(path, body))
        return self._send(*status(404, 'NotFound', f'{self.command} {path} not found (kube_api_stub)'))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def _get(self, path, query):
        with lock:
            found = copy.deepcopy(objects.get(path))
            pod = path.endswith('/log') and objects.get(path[:-len('/log')])
            items = [copy.deepcopy(o) for p, o in objects.items() if p.rsplit('/', 1)[0] == path]
            list_version = str(version[0])
        if found is not None:
            return self._send(200, found)
        if pod:
            if query.get('previous') == ['true']:
                container = query.get('container', ['?'])[0]
                pod_name = path.split('/')[-2]
                return self._send(*status(400, 'BadRequest',
                                          f'previous terminated container "{container}" in pod "{pod_name}" not found'))
            with open(os.path.join(ROOT, 'src/test/resources/k8s/logs/healthy.log')) as log:
                return self._send(200, log.read(), 'text/plain')
        if items or path.rsplit('/', 1)[-1] in COLLECTIONS:
            selector = query.get('labelSelector', [''])[0]
            fields = query.get('fieldSelector', [''])[0]
            items = [o for o in items if matches(o, selector) and matches_fields(o, fields)]
            limit = int(query.get('limit', ['0'])[0])
            kind = next((k for k, prefix in KINDS.items() if prefix == path), '')
            return self._send(200, {'kind': kind + 'List', 'apiVersion': 'v1',
                                    'metadata': {'resourceVersion': list_version},
                                    'items': items[:limit] if limit else items})
        return self._send(*status(404, 'NotFound', f'{path} not found (kube_api_stub)'))

    def _create(self, path, obj):
        meta = obj.setdefault('metadata', {})
        with lock:
            name = meta.get('name') or meta.get('generateName', 'obj-') + str(version[0] + 1)
            meta['name'] = name
            if path + '/' + name in objects:
                return status(409, 'AlreadyExists', f'{name} already exists')
            objects[path + '/' + name] = stamp(obj)
            return 201, copy.deepcopy(obj)

    def _replace(self, path, obj):
        with lock:
            current = objects.get(path)
            if current is None:
                return status(404, 'NotFound', f'{path} not found')
            wanted = obj.get('metadata', {}).get('resourceVersion')
            if wanted and wanted != current['metadata']['resourceVersion']:
                return status(409, 'Conflict', 'the object has been modified')
            objects[path] = stamp(obj)
            return 200, copy.deepcopy(obj)

    def _patch(self, path, patch):
        application = path.startswith(APPLICATIONS + '/')
        if application and slow_patch.is_set():
            print('PATCH ' + path, file=sys.stderr, flush=True)
            time.sleep(options.slow_patch_seconds)
        with lock:
            current = objects.get(path)
            if current is None:
                return status(404, 'NotFound', f'{path} not found')
            # A resourceVersion in the patch is a precondition (fabric8's LeaseLock renews with such a merge patch).
            wanted = (patch.get('metadata') or {}).get('resourceVersion')
            if wanted and wanted != current['metadata']['resourceVersion']:
                return status(409, 'Conflict', 'the object has been modified')
            merge(current, patch)
            answer = copy.deepcopy(stamp(current))
        revision = ((patch.get('operation') or {}).get('sync') or {}).get('revision')
        if application and revision and options.gitops:
            threading.Thread(target=roll_out, args=(revision,), daemon=True).start()
        return 200, answer


def main():
    global options
    options = parse_options(sys.argv[1:])
    load(options.scenario)
    signal.signal(signal.SIGUSR1, lambda *_: frozen.set())
    signal.signal(signal.SIGUSR2, lambda *_: slow_patch.set())
    server = ThreadingHTTPServer(('127.0.0.1', options.port or 0), Handler)
    server.daemon_threads = True
    if options.port_file:
        with open(options.port_file + '.tmp', 'w') as out:
            out.write(str(server.server_address[1]))
        os.replace(options.port_file + '.tmp', options.port_file)
    server.serve_forever()


if __name__ == '__main__':
    main()
