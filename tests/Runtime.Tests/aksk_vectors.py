# Reference computation of SDK-HMAC-SHA256 test vectors, written from the published API Gateway signer
# algorithm independently of the C# implementation: canonical request -> string to sign -> HMAC.
# Run: python3 aksk_vectors.py   (the printed values are pasted into AkSkSignerTests.cs)
import hashlib, hmac
from urllib.parse import quote, unquote

def encode(s): return quote(s, safe='~')

def canonical_request(method, path, query, headers, body):
    segments = [encode(v) for v in unquote(path).split('/')]
    uri = '/'.join(segments)
    if not uri.endswith('/'): uri += '/'
    q = '&'.join(sorted(encode(k) + '=' + encode(v) for k, v in query))
    lowered = {k.lower(): v.strip() for k, v in headers.items()}
    names = sorted(lowered)
    canonical_headers = ''.join(n + ':' + lowered[n] + '\n' for n in names)
    return '\n'.join([method.upper(), uri, q, canonical_headers, ';'.join(names), hashlib.sha256(body).hexdigest()])

def sign(method, path, query, headers, body, ak, sk):
    cr = canonical_request(method, path, query, headers, body)
    sts = 'SDK-HMAC-SHA256\n' + headers['X-Sdk-Date'] + '\n' + hashlib.sha256(cr.encode()).hexdigest()
    sig = hmac.new(sk.encode(), sts.encode(), hashlib.sha256).hexdigest()
    return cr, 'SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s' % (ak, ';'.join(sorted(h.lower() for h in headers)), sig)

vectors = [
    ('GET', '/v2/proj-1/datasets', [('offset', '0'), ('limit', '10')], {'Host': 'modelarts.eu-de.otc.t-systems.com', 'X-Sdk-Date': '20261122T101459Z'}, b'', 'AKEXAMPLE', 'SKEXAMPLE'),
    ('POST', '/v2/proj-1/processor-tasks', [], {'Host': 'modelarts.eu-de.otc.t-systems.com', 'X-Sdk-Date': '20261122T101500Z', 'Content-Type': 'application/json; charset=utf-8'}, b'{"name":"t"}', 'AKEXAMPLE', 'SKEXAMPLE'),
    ('DELETE', '/v2/proj-1/datasets/a b%2Fc', [('name', 'x y')], {'Host': '127.0.0.1:8443', 'X-Sdk-Date': '20261122T101501Z', 'X-Project-Id': 'proj-1'}, b'', 'AK2', 'secret/with+chars'),
]
for v in vectors:
    cr, auth = sign(*v)
    print(repr(cr))
    print(auth)
