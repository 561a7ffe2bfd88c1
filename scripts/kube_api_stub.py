#!/usr/bin/env python3
"""A minimal Kubernetes API stand-in for the end-to-end test and the rehearsal stack (no cluster runs here): it holds
the Argo CD Application torghut (GET, merge PATCH) and accepts Events; everything else is a Kubernetes 404 Status.
Every request is appended to REQUEST_LOG as one JSON line, so the test can check what the prober asked for.
usage: kube_api_stub.py PORT REQUEST_LOG"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/torghut'
app = {'apiVersion': 'argoproj.io/v1alpha1', 'kind': 'Application',
       'metadata': {'name': 'torghut', 'namespace': 'argocd', 'resourceVersion': '1'}, 'spec': {'project': 'default'}}

def merge(target, patch):
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        elif isinstance(v, dict) and isinstance(target.get(k), dict):
            merge(target[k], v)
        else:
            target[k] = v

class Handler(BaseHTTPRequestHandler):
    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return json.loads(self.rfile.read(n) or b'{}') if n else None

    def _send(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)

    def _log(self, body):
        with open(sys.argv[2], 'a') as f:
            f.write(json.dumps({'method': self.command, 'path': self.path, 'contentType': self.headers.get('Content-Type'), 'body': body}) + '\n')

    def _handle(self):
        body = self._body() if self.command in ('POST', 'PATCH', 'PUT') else None
        self._log(body)
        path = self.path.split('?')[0]
        if path == APP_PATH and self.command == 'GET':
            return self._send(200, app)
        if path == APP_PATH and self.command == 'PATCH':
            merge(app, body or {}); app['metadata']['resourceVersion'] = str(int(app['metadata']['resourceVersion']) + 1)
            return self._send(200, app)
        if path.endswith('/events') and self.command == 'POST':
            return self._send(201, body)
        self._send(404, {'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'reason': 'NotFound', 'code': 404,
                         'message': f'{path} not found (kube_api_stub)'})

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle
    def log_message(self, *args): pass

ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
