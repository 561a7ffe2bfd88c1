#!/usr/bin/env python3
"""Local HTTP target for the benchmarks: answers every GET with 200 (keep-alive), records the arrival time of each
request per path, and can be told to fail a path. Loopback only.

  GET /_stats            -> JSON {path: [arrival unix times]} (and clears them with ?reset=1)
  GET /_fail?path=/x     -> from now on /x answers 503
  GET /_ok?path=/x       -> /x answers 200 again
usage: target_server.py PORT
"""
import asyncio, json, sys, time
from urllib.parse import urlsplit, parse_qs

arrivals = {}
failing = set()

async def handle(reader, writer):
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            parts = line.decode('latin-1').split()
            while True:  # headers
                h = await reader.readline()
                if not h or h in (b'\r\n', b'\n'):
                    break
            if len(parts) < 2:
                break
            url = urlsplit(parts[1]); path = url.path; q = parse_qs(url.query)
            status, body = 200, b'ok\n'
            if path == '/_stats':
                body = json.dumps(arrivals).encode()
                if q.get('reset'):
                    arrivals.clear()
            elif path == '/_fail':
                failing.add(q['path'][0]); body = b'failing\n'
            elif path == '/_ok':
                failing.discard(q['path'][0]); body = b'ok\n'
            else:
                arrivals.setdefault(path, []).append(time.time())
                if path in failing:
                    status, body = 503, b'failing\n'
            reason = 'OK' if status == 200 else 'Service Unavailable'
            writer.write(b'HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n' % (status, reason.encode(), len(body)) + body)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()

async def main(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port, backlog=1024)
    async with server:
        await server.serve_forever()

asyncio.run(main(int(sys.argv[1])))
