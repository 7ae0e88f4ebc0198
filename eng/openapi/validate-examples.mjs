#!/usr/bin/env node
// Validates every request/response media-type example of OpenAPI 3.1 documents
// against the media type's schema (JSON Schema 2020-12, via Ajv2020 + ajv-formats).
//
// Usage: node validate-examples.mjs <openapi.json>... [--exceptions <exceptions.json>]
//                                   [--spectral-ruleset <out.json>]
//
// Checked, under paths and webhooks: <path>.<method>.requestBody.content[*] and
// <path>.<method>.responses[*].content[*], both {example, examples[*].value}
// (local $refs to components/requestBodies|responses|examples|pathItems are followed;
//  examples with only an externalValue, or in a media type without schema, are skipped
//  and counted on a "skipped:" line). The singular `example` uses the
// key "example". Operations without operationId are named "<METHOD> <path>".
//
// OpenAPI semantics applied on top of plain JSON Schema: a property marked readOnly
// is not required in a request example, and one marked writeOnly is not required in
// a response example.
//
// Exceptions file: JSON array of
//   {"document": "<file name>", "operationId": "...", "example": "<example key>", "reason": "..."}
// An exception needs a non-empty reason. An exception for a document given on the
// command line that no longer matches a failing example is "stale" and is an error.
//
// --spectral-ruleset <out.json> also writes a Spectral ruleset that extends .spectral.yaml
// and lowers oas3-valid-media-example to a warning at the excepted examples only (lint.sh
// lints with it, so Spectral honours the same exceptions).
//
// Output: one line per failing example, then a summary; the last line is exactly
// "examples: N passed, M failed". M counts unexcepted failing examples plus every
// other error (unreadable document, stale or malformed exception), so it is 0 exactly
// when the exit code is 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default ?? addFormatsModule;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Keywords of the OpenAPI 3.1 base dialect Ajv does not know, and `nullable`, which
// OpenAPI 3.1 dropped (use a type array such as ["string", "null"]): it is demoted to an
// annotation with no effect (see also relaxRequired, which removes it).
const OAS_ANNOTATIONS = ['discriminator', 'xml', 'externalDocs', 'example', 'nullable'];
const MAX_ERRORS_PER_LINE = 8;

function usage(msg) {
  if (msg) console.error(`validate-examples: ${msg}`);
  console.error(
    'usage: node validate-examples.mjs <openapi.json>... [--exceptions <exceptions.json>] [--spectral-ruleset <out.json>]',
  );
  process.exit(2);
}

// ---------- arguments ----------
const files = [];
let exceptionsPath = null;
let spectralRulesetPath = null;
const spectralBaseRuleset = join(dirname(fileURLToPath(import.meta.url)), '.spectral.yaml');
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--exceptions') {
      if (i + 1 >= argv.length) usage('--exceptions needs a file');
      exceptionsPath = argv[++i];
    } else if (a.startsWith('--exceptions=')) {
      exceptionsPath = a.slice('--exceptions='.length);
    } else if (a === '--spectral-ruleset') {
      if (i + 1 >= argv.length) usage('--spectral-ruleset needs a file');
      spectralRulesetPath = argv[++i];
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) usage('no OpenAPI document given');
}

let passed = 0;
let failed = 0; // unexcepted failing examples
let excepted = 0;
let skipped = 0;
const suppressed = []; // {file, pointers}: excepted failing examples, for --spectral-ruleset // externalValue-only examples, examples of a media type without schema
let errors = 0; // everything else that makes the run fail

function error(line) {
  errors++;
  console.log(line);
}

// ---------- exceptions ----------
const exceptions = []; // {document, operationId, example, reason, used}
if (exceptionsPath !== null) {
  let list;
  try {
    list = JSON.parse(readFileSync(exceptionsPath, 'utf8'));
  } catch (e) {
    error(`${exceptionsPath}: cannot read exceptions file: ${e.message}`);
    list = [];
  }
  if (!Array.isArray(list)) {
    error(`${exceptionsPath}: exceptions file must be a JSON array`);
    list = [];
  }
  const seen = new Set();
  list.forEach((ex, i) => {
    const where = `${exceptionsPath}: exception #${i + 1}`;
    const bad = ['document', 'operationId', 'example', 'reason'].filter(
      (k) => typeof ex?.[k] !== 'string' || ex[k].trim() === '',
    );
    if (bad.length) {
      error(`${where}: missing or empty ${bad.join(', ')}`);
      return;
    }
    const key = JSON.stringify([ex.document, ex.operationId, ex.example]);
    if (seen.has(key)) {
      error(`${where}: duplicate of an earlier exception (${ex.document} ${ex.operationId} ${ex.example})`);
      return;
    }
    seen.add(key);
    exceptions.push({ ...ex, used: false });
  });
}

function findException(doc, operationId, exampleKey) {
  return exceptions.find(
    (ex) => ex.document === doc && ex.operationId === operationId && ex.example === exampleKey,
  );
}

// ---------- JSON pointer helpers ----------
const esc = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function getPointer(root, ptr) {
  if (ptr === '' || ptr === '#') return root;
  const parts = ptr.replace(/^#/, '').split('/').slice(1).map((p) => unesc(decodeURIComponent(p)));
  let node = root;
  for (const p of parts) {
    if (node === null || typeof node !== 'object' || !(p in node)) return undefined;
    node = node[p];
  }
  return node;
}

// Follows local OpenAPI-level $refs; returns {node, ptr} or throws.
function deref(root, node, ptr) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported non-local $ref ${ref}`);
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    const target = getPointer(root, ref);
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    node = target;
    ptr = ref.slice(1);
  }
  return { node, ptr };
}

// ---------- readOnly / writeOnly views (and what only requests must carry) ----------
// Returns a copy of the document where, in every schema object, `required` no longer
// lists properties whose schema (following one local $ref chain) has `flag: true`,
// and a boolean `nullable` is removed (Ajv always gives it its OpenAPI 3.0 meaning,
// and throws on `nullable` without `type`; OpenAPI 3.1 has no such keyword).
// Records each object's JSON pointer in `locations`.
// In the request view, what only requests must carry (`x-required-in-requests`, the extractor's record of a
// schema requests and responses share) is required too.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
function relaxRequired(doc, flag, locations) {
  const copy = structuredClone(doc);
  const visit = (node, ptr, parentKey) => {
    if (node === null || typeof node !== 'object') return;
    locations.set(node, ptr);
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${ptr}/${i}`, null));
    if (typeof node.nullable === 'boolean' && !SCHEMA_MAPS.has(parentKey)) delete node.nullable;
    if (flag === 'readOnly' && Array.isArray(node['x-required-in-requests']) && !SCHEMA_MAPS.has(parentKey)) {
      node.required = [...new Set([...(Array.isArray(node.required) ? node.required : []), ...node['x-required-in-requests']])];
    }
    if (Array.isArray(node.required) && node.properties && typeof node.properties === 'object') {
      node.required = node.required.filter((name) => {
        let prop = node.properties[name];
        try {
          prop = deref(doc, prop, '').node;
        } catch {
          /* leave unresolvable refs to Ajv */
        }
        return !(prop && typeof prop === 'object' && prop[flag] === true);
      });
    }
    for (const [k, v] of Object.entries(node)) visit(v, `${ptr}/${esc(k)}`, k);
  };
  visit(copy, '', null);
  return copy;
}

// ---------- per-document validation ----------
function makeAjv(file) {
  const warned = new Set();
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    verbose: true, // errors carry parentSchema, located in the document through `locations`
    validateFormats: true,
    logger: {
      log: () => {},
      warn: (...args) => {
        let msg = args.join(' ');
        const format = /unknown format "([^"]*)"/.exec(msg);
        if (format) msg = `unknown format "${format[1]}" is not checked`;
        if (!warned.has(msg)) {
          warned.add(msg);
          console.error(`${file}: note: ${msg}`);
        }
      },
      error: (...args) => console.error(`${file}: ${args.join(' ')}`),
    },
  });
  addFormats(ajv);
  ajv.removeKeyword('nullable');
  ajv.addVocabulary(OAS_ANNOTATIONS);
  return ajv;
}

function describe(err, locations) {
  const p = err.params ?? {};
  let msg = err.message ?? err.keyword;
  if (p.additionalProperty !== undefined) msg += `: '${p.additionalProperty}'`;
  else if (p.unevaluatedProperty !== undefined) msg += `: '${p.unevaluatedProperty}'`;
  else if (err.keyword === 'enum' && Array.isArray(p.allowedValues)) msg += `: ${JSON.stringify(p.allowedValues)}`;
  else if (err.keyword === 'const' && 'allowedValue' in p) msg += `: ${JSON.stringify(p.allowedValue)}`;
  // Opaque messages: say which schema rejected the value.
  if (['not', 'if', 'oneOf', 'anyOf'].includes(err.keyword) && locations.has(err.parentSchema)) {
    msg += ` (#${locations.get(err.parentSchema)}/${err.keyword})`;
  }
  return `${err.instancePath || '(root)'} ${msg}`;
}

function processDocument(path) {
  const file = basename(path);
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    error(`${path}: cannot read OpenAPI document: ${e.message}`);
    return;
  }
  if (typeof doc?.openapi !== 'string' || !/^3\.[12]\./.test(doc.openapi)) {
    error(`${path}: not an OpenAPI 3.1 document (openapi: ${JSON.stringify(doc?.openapi)})`);
    return;
  }

  if (/"nullable"\s*:\s*true/.test(JSON.stringify(doc))) {
    console.error(`${file}: note: "nullable: true" has no effect in OpenAPI 3.1; use a type array like ["string", "null"]`);
  }
  const ajv = makeAjv(file);
  const base = pathToFileURL(resolve(path)).href;
  const ids = { request: `${base}?view=request`, response: `${base}?view=response` };
  const locations = new WeakMap(); // schema object -> JSON pointer in the document
  try {
    ajv.addSchema(relaxRequired(doc, 'readOnly', locations), ids.request);
    ajv.addSchema(relaxRequired(doc, 'writeOnly', locations), ids.response);
  } catch (e) {
    error(`${path}: cannot load document into Ajv: ${e.message}`);
    return;
  }
  const compiled = new Map();
  const validatorFor = (view, schemaPtr) => {
    const key = `${view} ${schemaPtr}`;
    if (!compiled.has(key)) {
      compiled.set(key, ajv.compile({ $ref: `${ids[view]}#${schemaPtr.split('/').map(encodeURIComponent).join('/')}` }));
    }
    return compiled.get(key);
  };

  // contentPtr: where the content map really is (after following $refs);
  // logicalPtr: where it is reached from under paths/webhooks. Both, and the target of an
  // example's own $ref, are candidate locations for Spectral's results.
  const checkContent = (opName, where, view, content, contentPtr, logicalPtr) => {
    if (!content || typeof content !== 'object') return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!media || typeof media !== 'object') continue;
      const mediaPtr = `${contentPtr}/${esc(mediaType)}`;
      const logicalMediaPtr = `${logicalPtr}/${esc(mediaType)}`;
      const samples = []; // [key, value, derefError, pointers]
      if ('example' in media) {
        samples.push(['example', media.example, null, [`${mediaPtr}/example`, `${logicalMediaPtr}/example`]]);
      }
      if (media.examples && typeof media.examples === 'object') {
        for (const [key, ex] of Object.entries(media.examples)) {
          const pointers = [`${mediaPtr}/examples/${esc(key)}`, `${logicalMediaPtr}/examples/${esc(key)}`];
          let resolved;
          try {
            const r = deref(doc, ex, pointers[0]);
            resolved = r.node;
            pointers.push(r.ptr);
          } catch (e) {
            samples.push([key, undefined, e.message, pointers]);
            continue;
          }
          if (resolved && typeof resolved === 'object' && 'value' in resolved) {
            samples.push([key, resolved.value, null, pointers]);
          } else {
            skipped++; // externalValue only: not fetched
          }
        }
      }
      if (samples.length === 0) continue;
      for (const [key, value, derefError, pointers] of samples) {
        let problems;
        if (derefError) {
          problems = [derefError];
        } else if (!('schema' in media)) {
          skipped++; // nothing to validate against
          continue;
        } else {
          let validate;
          try {
            validate = validatorFor(view, `${mediaPtr}/schema`);
          } catch (e) {
            problems = [`cannot compile schema: ${e.message}`];
          }
          if (validate) problems = validate(value) ? [] : validate.errors.map((e) => describe(e, locations));
        }
        if (problems.length === 0) {
          passed++;
          const ex = findException(file, opName, key);
          if (ex) ex.passedSomewhere = true;
          continue;
        }
        const shown = problems.slice(0, MAX_ERRORS_PER_LINE);
        if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more`);
        const line = `${file}: ${opName} ${key} (${where}): ${shown.join('; ')}`;
        const ex = findException(file, opName, key);
        if (ex) {
          ex.used = true;
          excepted++;
          suppressed.push({ file, pointers: [...new Set(pointers)] });
          console.log(`excepted ${line}`);
        } else {
          failed++;
          console.log(line);
        }
      }
    }
  };

  const items = [];
  for (const section of ['paths', 'webhooks']) {
    const map = doc[section];
    if (map && typeof map === 'object') {
      for (const [p, rawItem] of Object.entries(map)) items.push([section, p, rawItem]);
    }
  }
  for (const [section, p, rawItem] of items) {
    const logicalItemPtr = `/${section}/${esc(p)}`;
    let item;
    let itemPtr;
    try {
      ({ node: item, ptr: itemPtr } = deref(doc, rawItem, `/${section}/${esc(p)}`));
    } catch (e) {
      error(`${file}: ${p}: ${e.message}`);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') continue;
      const opPtr = `${itemPtr}/${method}`;
      const logicalOpPtr = `${logicalItemPtr}/${method}`;
      const opName = typeof op.operationId === 'string' && op.operationId ? op.operationId : `${method.toUpperCase()} ${p}`;
      if (op.requestBody) {
        try {
          const { node: rb, ptr: rbPtr } = deref(doc, op.requestBody, `${opPtr}/requestBody`);
          checkContent(opName, 'request', 'request', rb?.content, `${rbPtr}/content`, `${logicalOpPtr}/requestBody/content`);
        } catch (e) {
          error(`${file}: ${opName} (request): ${e.message}`);
        }
      }
      if (op.responses && typeof op.responses === 'object') {
        for (const [status, rawResp] of Object.entries(op.responses)) {
          try {
            const { node: resp, ptr: respPtr } = deref(doc, rawResp, `${opPtr}/responses/${esc(status)}`);
            checkContent(
              opName,
              `response ${status}`,
              'response',
              resp?.content,
              `${respPtr}/content`,
              `${logicalOpPtr}/responses/${esc(status)}/content`,
            );
          } catch (e) {
            error(`${file}: ${opName} (response ${status}): ${e.message}`);
          }
        }
      }
    }
  }
}

// A Spectral ruleset extending .spectral.yaml that lowers oas3-valid-media-example to a
// warning at exactly the excepted examples, so one exceptions file serves both tools.
// Spectral matches `files` against the document's base name (minimatch matchBase) and
// the pointer (encoded like @stoplight/json's pathToPointer) as a prefix of a result's path.
// Known gap: when one components/responses entry with an excepted example is used by
// several operations, Spectral reports the later uses at .../content, which this does not
// cover (it would silence every example of that response).
function writeSpectralRuleset() {
  const toSpectral = (ptr) =>
    ptr
      .split('/')
      .map((seg) => encodeURIComponent(esc(unesc(seg))).replace(/%7E/gi, '~'))
      .join('/');
  const ruleset = { extends: [spectralBaseRuleset] };
  const files = [...new Set(suppressed.flatMap(({ file, pointers }) => pointers.map((p) => `${file}#${toSpectral(p)}`)))];
  if (files.length) ruleset.overrides = [{ files, rules: { 'oas3-valid-media-example': 'warn' } }];
  try {
    writeFileSync(spectralRulesetPath, `${JSON.stringify(ruleset, null, 2)}\n`);
  } catch (e) {
    error(`${spectralRulesetPath}: cannot write Spectral ruleset: ${e.message}`);
  }
}

const docNames = new Set();
for (const f of files) {
  docNames.add(basename(f));
  processDocument(f);
}

for (const ex of exceptions) {
  if (ex.used || !docNames.has(ex.document)) continue;
  error(
    `${exceptionsPath}: stale exception: ${ex.document} ${ex.operationId} ${ex.example} ` +
      (ex.passedSomewhere ? 'now validates; remove it' : 'matches no example; remove or fix it'),
  );
}

if (spectralRulesetPath !== null) writeSpectralRuleset();

if (skipped > 0) console.log(`skipped: ${skipped} example(s) with only an externalValue or without a schema`);
if (excepted > 0) console.log(`excepted: ${excepted} failing example(s) covered by ${exceptionsPath}`);
if (errors > 0) console.log(`errors: ${errors} (unreadable documents, bad or stale exceptions; counted as failed below)`);
console.log(`examples: ${passed} passed, ${failed + errors} failed`);
process.exit(failed + errors > 0 ? 1 : 0);
