#!/usr/bin/env python3
"""A minimal Kubernetes API stand-in for bench/stop-latency.sh: every namespaced object is kept in memory with
create (POST), read (GET), replace (PUT) and merge patch (PATCH), both with the resourceVersion check that leader
election relies on; a list or an unknown object is answered as a real API server does (an empty list, a 404 Status).
Enough for the prober's Lease, Events and Argo CD Application. Loopback only.

After SIGUSR1 the server hangs: it accepts every request and never answers (an API server that has gone silent).
After SIGUSR2 every PATCH (the pause's Argo CD sync request) is answered only after SLOW_PATCH_SECONDS (env, default 4)
and logged to stderr as it arrives: a pause held in flight by a slow API.

usage: lease_api.py PORT_FILE   (binds an ephemeral port and writes it to PORT_FILE)
"""
import json, os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
objects = {}  # path -> object
version = [0]
frozen = threading.Event()
slow_patch = threading.Event()
SLOW_PATCH_SECONDS = float(os.environ.get('SLOW_PATCH_SECONDS', '4'))
COLLECTIONS = {'events', 'leases', 'services', 'revisions', 'pods', 'clusters', 'applications'}


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

    def body(self):
        length = int(self.headers.get('Content-Length') or 0)
        return json.loads(self.rfile.read(length) or b'{}')

    def send(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def path_only(self):
        return self.path.split('?', 1)[0].rstrip('/')

    def stamp(self, obj):
        version[0] += 1
        obj.setdefault('metadata', {})['resourceVersion'] = str(version[0])
        return obj

    def do_GET(self):
        path = self.path_only()
        with lock:
            if path in objects:
                return self.send(200, objects[path])
            items = [o for p, o in objects.items() if p.rsplit('/', 1)[0] == path]
        if items or path.rsplit('/', 1)[-1] in COLLECTIONS:
            return self.send(200, {'kind': 'List', 'apiVersion': 'v1', 'metadata': {'resourceVersion': str(version[0])},
                                   'items': items})
        self.send(*status(404, 'NotFound', path + ' not found'))

    def do_POST(self):
        path, obj = self.path_only(), self.body()
        meta = obj.setdefault('metadata', {})
        with lock:
            name = meta.get('name') or meta.get('generateName', 'obj-') + str(version[0] + 1)
            meta['name'] = name
            if path + '/' + name in objects:
                return self.send(*status(409, 'AlreadyExists', name + ' already exists'))
            objects[path + '/' + name] = self.stamp(obj)
        self.send(201, obj)

    def do_PUT(self):
        path, obj = self.path_only(), self.body()
        with lock:
            current = objects.get(path)
            if current is None:
                return self.send(*status(404, 'NotFound', path + ' not found'))
            wanted = obj.get('metadata', {}).get('resourceVersion')
            if wanted and wanted != current['metadata']['resourceVersion']:
                return self.send(*status(409, 'Conflict', 'the object has been modified'))
            objects[path] = self.stamp(obj)
        self.send(200, obj)

    def do_PATCH(self):
        path, patch = self.path_only(), self.body()
        if slow_patch.is_set():
            print('PATCH ' + path, file=sys.stderr, flush=True)
            time.sleep(SLOW_PATCH_SECONDS)
        with lock:
            current = objects.get(path)
            if current is None:
                return self.send(*status(404, 'NotFound', path + ' not found'))
            # A resourceVersion in the patch is a precondition (fabric8's LeaseLock renews with such a merge patch).
            wanted = (patch.get('metadata') or {}).get('resourceVersion')
            if wanted and wanted != current['metadata']['resourceVersion']:
                return self.send(*status(409, 'Conflict', 'the object has been modified'))
            merge(current, patch)
            self.stamp(current)
        self.send(200, current)


signal.signal(signal.SIGUSR1, lambda *_: frozen.set())
signal.signal(signal.SIGUSR2, lambda *_: slow_patch.set())
server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
with open(sys.argv[1], 'w') as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
