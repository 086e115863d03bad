"""Drives an Aurora WebSocket server with the Python `websockets` client (Debian's python3-websockets).

Usage: python_client.py BASE_URL CASE; prints OK and exits 0 when the case passed.
"""
import asyncio
import os
import sys

import websockets


async def echo(base):
    async with websockets.connect(base + "/echo", compression=None) as ws:
        await ws.send("héllo")
        assert await ws.recv() == "héllo"
        await ws.send(b"\x00\x01\x02")
        assert await ws.recv() == b"\x00\x01\x02"


async def fragmented(base):
    async with websockets.connect(base + "/echo", compression=None) as ws:
        # An iterable is sent as one message in several frames.
        await ws.send(["frag", "men", "ted"])
        assert await ws.recv() == "fragmented"


async def large(base):
    data = os.urandom(3 * 1024 * 1024)
    async with websockets.connect(base + "/echo", compression=None, max_size=None) as ws:
        await ws.send(data)
        assert await ws.recv() == data


async def deflate(base):
    async with websockets.connect(base + "/echo", max_size=None) as ws:
        header = ws.response_headers.get("Sec-WebSocket-Extensions", "")
        assert header.startswith("permessage-deflate"), header
        text = "compressible text, " * 5000
        for _ in range(3):
            await ws.send(text)
            assert await ws.recv() == text
        await ws.send(["split ", "and ", "compressed " * 100])
        assert await ws.recv() == "split and " + "compressed " * 100


async def close(base):
    async with websockets.connect(base + "/closes") as ws:
        try:
            await ws.recv()
            raise AssertionError("expected the server to close")
        except websockets.ConnectionClosed:  # OK only for 1000/1001
            pass
        assert ws.close_code == 4000, ws.close_code
        assert ws.close_reason == "bye", ws.close_reason
    async with websockets.connect(base + "/echo") as ws:
        await ws.close(1000, "done")
        assert ws.close_code == 1000, ws.close_code


async def ping(base):
    async with websockets.connect(base + "/echo") as ws:
        pong = await ws.ping(b"are you there")
        await asyncio.wait_for(pong, 5)


CASES = {f.__name__: f for f in (echo, fragmented, large, deflate, close, ping)}

if __name__ == "__main__":
    asyncio.run(asyncio.wait_for(CASES[sys.argv[2]](sys.argv[1]), 30))
    print("OK")
