#!/usr/bin/env python3
"""Send N Parse calls over ONE gRPC channel and check every answer echoes its id.

One channel to a proxy is one HTTP/2 connection, so if the calls still land on several
replicas, the proxy balances per call. Given several addresses and --round-robin, the
client balances by itself (gRPC's round_robin policy: one connection per replica).

    python3 parse_many.py --target 127.0.0.1:50051 -n 30 --tag viaproxy ARTICLE.txt
    python3 parse_many.py --target ipv4:10.0.0.2:50051,10.0.0.3:50051 --round-robin ARTICLE.txt
    # inside the compose network: --target dns:///newsparse:50051 --round-robin

Needs only `pip install grpcio`: the request is encoded by hand (two string fields), so
no generated code is involved.
"""
import argparse
import sys

import grpc

METHOD = "/newsparse.v1.ArticleService/Parse"


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def string_field(number: int, value: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(value)) + value


def parse_request(text: bytes, rid: str) -> bytes:
    """ParseRequest{text = 1, id = 2}."""
    return string_field(1, text) + string_field(2, rid.encode())


def echoed_id(response: bytes) -> str:
    """ParseResponse.id is field 1; prost writes fields in number order."""
    if not response or response[0] != 0x0A:
        return ""
    length, shift, i = 0, 0, 1
    while True:
        byte = response[i]
        length |= (byte & 0x7F) << shift
        shift, i = shift + 7, i + 1
        if not byte & 0x80:
            break
    return response[i : i + length].decode()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article")
    ap.add_argument("--target", required=True)
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--tag", default="parse-many", help="id prefix, to find the calls in logs")
    ap.add_argument("--round-robin", action="store_true")
    args = ap.parse_args()
    text = open(args.article, "rb").read()
    # With several addresses the default :authority is the whole list, which the server's
    # HTTP/2 stack rejects (RST_STREAM, PROTOCOL_ERROR); name the service instead.
    options = [("grpc.default_authority", "newsparse")]
    if args.round_robin:
        options.append(("grpc.lb_policy_name", "round_robin"))
    with grpc.insecure_channel(args.target, options=options) as channel:
        call = channel.unary_unary(METHOD)  # bytes in, bytes out
        for k in range(args.n):
            rid = f"{args.tag}-{k}"
            got = echoed_id(call(parse_request(text, rid), timeout=30))
            if got != rid:
                print(f"call {k}: answer echoes {got!r}, expected {rid!r}", file=sys.stderr)
                return 1
    print(f"{args.n} calls over one channel to {args.target}: all answered, ids echoed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
