# SDK-HMAC-SHA256 test vectors computed the way Huawei Cloud's published Python signer computes them.
#
# Source of the algorithm (read, then re-typed step by step; nothing here is copied from it):
#   repository huaweicloud/huaweicloud-sdk-python-v3, commit 343a486b5c8ab656611159f314df6e575d0f6398,
#   file huaweicloud-sdk-core/huaweicloudsdkcore/signer/signer.py (class Signer, last changed in commit
#   3e89b93050d3f560443bea82dd06951606a62c4e). Its .NET sibling, huaweicloud/huaweicloud-sdk-net-v3
#   Core/Signer/Signer.cs (commit 71679c9b8c81f7e290ca99bd5abf68afb532c57e), canonicalizes the query and the
#   headers the same way (sort the raw keys and values, then encode; skip header names holding '_').
#
# Each function below is one step of Signer.sign, in the same order and with the same rules:
#   content header -> signed headers -> canonical request (headers, payload hash, uri, query) -> string to sign -> HMAC.
# The input is what that SDK's SdkRequest holds: method, resource_path (path parameters already percent-encoded),
# query_params (a list of (key, value) pairs, a value may be a list), header_params, body bytes.
#
# Run: python3 huawei_signer_vectors.py > aksk-vectors.json   (AkSkVectorTests reads the JSON and reruns this script)
import hashlib
import hmac
import json
from urllib.parse import quote, unquote

ALGORITHM = "SDK-HMAC-SHA256"
CONTENT_HASH_HEADER = "X-Sdk-Content-Sha256"
EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def encode(text):
    # Percent-encode everything but letters, digits and _.-~ (quote with only '~' added to the safe set).
    return quote(text, safe="~")


def header(headers, name):
    for key in headers:
        if key.lower() == name.lower():
            return headers[key]
    return None


def add_content_header(headers):
    content_type = headers.get("Content-Type")
    if content_type and not content_type.startswith("application/json") and not content_type.startswith("application/bson"):
        headers[CONTENT_HASH_HEADER] = "UNSIGNED-PAYLOAD"


def signed_header_names(headers):
    names = [key.lower() for key in headers if "_" not in key]
    names.sort()
    return names


def canonical_headers(headers, names):
    values = {}
    for key in headers:
        values[key.lower()] = str(headers[key]).strip()
    return "\n".join(name + ":" + values.get(name) for name in names) + "\n"


def payload_hash(headers, body):
    if not body:
        return EMPTY_HASH
    declared = header(headers, CONTENT_HASH_HEADER)
    if declared:
        return declared
    return hashlib.sha256(body).hexdigest()


def canonical_uri(resource_path):
    path = "/".join(encode(segment) for segment in unquote(resource_path).split("/"))
    return path if path[-1] == "/" else path + "/"


def canonical_query(query_params):
    pairs = list(query_params)
    pairs.sort()
    out = []
    for key, value in pairs:
        k = encode(key)
        if isinstance(value, list):
            value.sort()
            out.extend(k + "=" + encode(str(v)) for v in value)
        elif isinstance(value, bool):
            out.append(k + "=" + encode(str(value).lower()))
        else:
            out.append(k + "=" + encode(str(value)))
    return "&".join(out)


def sign(vector):
    headers = dict(vector["headers"])
    body = vector["body"].encode("utf-8")
    query = [(k, list(v) if isinstance(v, list) else v) for k, v in vector["query"]]
    add_content_header(headers)
    names = signed_header_names(headers)
    canonical = "%s\n%s\n%s\n%s\n%s\n%s" % (
        vector["method"].upper(), canonical_uri(vector["resource_path"]), canonical_query(query),
        canonical_headers(headers, names), ";".join(names), payload_hash(headers, body))
    to_sign = "%s\n%s\n%s" % (ALGORITHM, header(headers, "X-Sdk-Date"), hashlib.sha256(canonical.encode("utf-8")).hexdigest())
    signature = hmac.new(vector["sk"].encode("utf-8"), to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest().hex()
    authorization = "%s Access=%s, SignedHeaders=%s, Signature=%s" % (ALGORITHM, vector["ak"], ";".join(names), signature)
    return canonical, authorization, headers


HOST = "modelarts.eu-de.otc.t-systems.com"
JSON = "application/json; charset=utf-8"
VECTORS = [
    {"name": "list with paging", "method": "GET", "resource_path": "/v2/proj-1/datasets",
     "query": [["offset", "0"], ["limit", "10"]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101459Z"}, "body": ""},
    {"name": "repeated key, unicode value (raw z sorts before raw e-acute; encoded, %C3%A9 would come first)", "method": "GET",
     "resource_path": "/v2/proj-1/processor-tasks", "query": [["version_id", "z"], ["version_id", "\u00e9"]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101500Z"}, "body": ""},
    {"name": "repeated key as one list value", "method": "GET", "resource_path": "/v2/proj-1/processor-tasks",
     "query": [["version_id", ["b-2", "a/1", "a-1"]]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101501Z"}, "body": ""},
    {"name": "':' against digits and '/' against '-'", "method": "GET", "resource_path": "/v2/proj-1/datasets/ds-1/data-annotations/samples",
     "query": [["sample_time", "10:00"], ["sample_time", "1000"], ["search_conditions", "a/b"], ["search_conditions", "a-b"]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101502Z"}, "body": ""},
    {"name": "+ % ~ : / in values, unicode key", "method": "GET", "resource_path": "/v2/proj-1/datasets",
     "query": [["search_content", "a+b %c~d:e/f"], ["\u540d\u79f0", "\u6570\u636e\u96c6"], ["empty", ""]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101503Z"}, "body": ""},
    {"name": "code points above U+FFFF sort after U+FF01 (UTF-16 order would differ)", "method": "GET", "resource_path": "/v2/proj-1/datasets",
     "query": [["label", "\U0001F600"], ["label", "\uff01"]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101504Z"}, "body": ""},
    {"name": "trailing slash kept, encoded path segments decoded then encoded per segment", "method": "DELETE",
     "resource_path": "/v2/proj-1/datasets/a%2Fb%20c/versions/", "query": [],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101505Z"}, "body": ""},
    {"name": "non-empty JSON body, project header, host with port", "method": "POST", "resource_path": "/v2/proj-1/processor-tasks",
     "query": [],
     "headers": {"Host": "127.0.0.1:8443", "X-Sdk-Date": "20261122T101506Z", "X-Project-Id": "proj-1", "Content-Type": JSON},
     "body": "{\"name\":\"PRE-e77c\",\"description\":\"caf\u00e9\"}"},
    {"name": "a header name with '_' is not signed", "method": "PUT", "resource_path": "/v2/proj-1/datasets/ds-1",
     "query": [["x", "1"]],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101507Z", "X_Trace_Id": "abc", "Content-Type": JSON}, "body": "{}"},
    {"name": "a body that is not JSON is not hashed", "method": "POST", "resource_path": "/v2/proj-1/upload",
     "query": [],
     "headers": {"Host": HOST, "X-Sdk-Date": "20261122T101508Z", "Content-Type": "application/octet-stream"}, "body": "raw bytes"},
]
for vector in VECTORS:
    vector["ak"] = "AKEXAMPLE"
    vector["sk"] = "SK/with+chars=="

out = []
for vector in VECTORS:
    canonical, authorization, signed = sign(vector)
    out.append(dict(vector, signed_headers_input=signed, canonical_request=canonical, authorization=authorization))
print(json.dumps(out, ensure_ascii=False, indent=2))
