/**
 * What the export tests share: the designs to export, the export itself, the values each circuit's
 * filter must carry (resolved from the design's text with the catalog, apart from the export's model),
 * the REST shapes as an ajv validator, the parameters a deployment is given, and a run of the az script
 * with a fake `az` that records each call.
 */
import Ajv from 'ajv';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { createLanguageService, IacFormat } from '../../server/src/service';
import { resolveRouteFilterEntry } from '../../server/src/service/catalog/catalog';
import { doc, ROOT } from '../support';

export interface DesignFile {
  name: string;
  file: string;
  text: string;
}

/** The examples and the valid designs: every one must export in every format. */
export function designs(): DesignFile[] {
  const list = (dir: string) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.ppnet.yaml'))
      .sort()
      .map((f) => ({ name: f.replace(/\.ppnet\.yaml$/, ''), file: path.join(ROOT, dir, f), text: fs.readFileSync(path.join(ROOT, dir, f), 'utf8') }));
  return [...list('examples'), ...list('test/designs/valid')];
}

export function exportText(text: string, format: IacFormat, options: { withFixes?: boolean; circuit?: string; name?: string } = {}) {
  return createLanguageService().exportInfrastructure(doc(text, `file:///designs/${options.name ?? 'design'}.ppnet.yaml`), { format, ...options });
}

const COMMUNITY = /^\d+:\d+$/;

/** Each circuit with Microsoft peering, with the values its filter's entries resolve to, each once, in file order. */
export function expectedCommunities(text: string): Map<string, string[]> {
  const design = parse(text) as { cloud?: string; circuits?: Record<string, { microsoftPeering?: { routeFilter?: unknown[] } }> };
  const expected = new Map<string, string[]>();
  for (const [id, circuit] of Object.entries(design.circuits ?? {})) {
    if (!circuit?.microsoftPeering) continue;
    const values: string[] = [];
    for (const entry of circuit.microsoftPeering.routeFilter ?? []) {
      const written = String(entry).trim();
      const resolved = resolveRouteFilterEntry(written);
      let value: string | undefined;
      if ((design.cloud ?? 'public') !== 'public') value = COMMUNITY.test(written) ? written : undefined;
      else if (resolved.kind === 'region') value = resolved.community;
      else if (resolved.kind === 'service') value = resolved.service.value ?? undefined;
      else if (resolved.kind === 'regional-service') value = resolved.value;
      else if (resolved.kind === 'unknown' && /^12076:51\d{3}$/.test(written)) value = written;
      if (value && !values.includes(value)) values.push(value);
    }
    expected.set(id, values);
  }
  return expected;
}

/** Each enterprise policy with the address ranges of its subnets. */
export function expectedSubnets(text: string): Map<string, string[]> {
  const design = parse(text) as { enterprisePolicies?: Record<string, { subnets?: { vnet?: string; cidr?: string }[] }> };
  return new Map(Object.entries(design.enterprisePolicies ?? {}).map(([id, policy]) => [id, (policy?.subnets ?? []).filter((s) => s.vnet && s.cidr).map((s) => String(s.cidr))]));
}

const shapes = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'arm-shapes.json'), 'utf8'));

/** Every object of the shapes closed: a key the API does not define fails. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  if ((out as { type?: string }).type === 'object' && 'properties' in out && !('additionalProperties' in out)) (out as Record<string, unknown>).additionalProperties = false;
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema({ $id: 'arm', definitions: closed(shapes.definitions) });

/** The definition each resource type's body is checked against. */
export const SHAPE_OF: Record<string, string> = {
  'Microsoft.Network/routeFilters': 'RouteFilter',
  'Microsoft.Network/expressRouteCircuits/peerings': 'ExpressRouteCircuitPeering',
  'Microsoft.Network/virtualNetworks/subnets': 'Subnet',
  'Microsoft.PowerPlatform/enterprisePolicies': 'EnterprisePolicy',
};

/** The errors of a resource body against its REST shape ([] when it fits). */
export function shapeErrors(definition: string, body: unknown): string[] {
  const validate = ajv.getSchema(`arm#/definitions/${definition}`);
  if (!validate) throw new Error(`no shape ${definition}`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

export const EXISTING_PEERING = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'export', 'existing-microsoft-peering.json'), 'utf8')).properties;

/** What reference() gives for an existing resource: only the Microsoft peering is read. */
export function existing(type: string, id: string): unknown {
  if (type !== 'Microsoft.Network/expressRouteCircuits/peerings' || !id.endsWith('/peerings/MicrosoftPeering')) throw new Error(`reference() of ${id}`);
  return structuredClone(EXISTING_PEERING);
}

/** A value for every parameter without a default: `given-<name>`. */
export function givenParameters(names: Iterable<string>, defaults: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries([...names].filter((n) => defaults[n] === undefined).map((n) => [n, `given-${n}`]));
}

/** One call of the fake az: its arguments. */
export type AzCall = string[];

/**
 * Runs the script with `bash` and a fake `az` first on PATH that records its arguments, with the given
 * environment; gives the calls in order. `bash -n` has checked the script's syntax before.
 */
export function runAzScript(script: string, env: Record<string, string>): { calls: AzCall[]; status: number; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-az-'));
  try {
    const log = path.join(dir, 'calls');
    fs.writeFileSync(path.join(dir, 'az'), `#!/usr/bin/env bash\nprintf '%s\\0' CALL "$@" >> "${log}"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'export.sh'), script);
    execFileSync('bash', ['-n', path.join(dir, 'export.sh')]);
    let status = 0;
    let stderr = '';
    try {
      execFileSync('bash', [path.join(dir, 'export.sh')], { env: { PATH: `${dir}:${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    const recorded = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\0').slice(0, -1) : [];
    const calls: AzCall[] = [];
    for (const part of recorded) {
      if (part === 'CALL') calls.push([]);
      else calls[calls.length - 1].push(part);
    }
    return { calls, status, stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of an option in a call (`--communities` takes every word up to the next option). */
export function optionValues(call: AzCall, option: string): string[] {
  const at = call.indexOf(option);
  if (at < 0) return [];
  const values: string[] = [];
  for (let i = at + 1; i < call.length && !call[i].startsWith('--'); i++) values.push(call[i]);
  return values;
}

/** A design whose circuit's filter lacks North Europe, which its environment needs (route-filter-missing-region). */
export const MISSING_REGION = `version: 1
environments:
  prod:
    region: europe
sites:
  hq:
    internet: allowed
circuits:
  er-hq:
    site: hq
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe]
`;
