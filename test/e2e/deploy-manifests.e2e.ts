import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DCLinter } from 'dclint';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The deployment files (issue 20): the Dockerfile, deploy/compose.yaml and the Kubernetes
 * manifests under deploy/k8s. No cluster and no Docker engine here, so: the overlays are rendered
 * (kustomize semantics, below; checked against `kubectl kustomize` where kubectl is installed),
 * every object is validated against the Kubernetes schemas of kubernetes-models, the compose file
 * against the compose specification with dclint, the Dockerfile with dockerfile-utils — and the
 * security properties the deployment promises are asserted on what would be applied.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const deploy = join(root, 'deploy');
const k8s = join(deploy, 'k8s');
const overlays = ['dev', 'production'] as const;
const departments = JSON.parse(readFileSync(join(root, 'subgraphs/registry.json'), 'utf8')).subgraphs as Array<{ name: string; port: number }>;
const parties = ['gateway', ...departments.map((d) => d.name)];
/** A department's environment prefix: `housing-fund` → `HOUSING_FUND` (HOUSING_FUND_URL, HOUSING_FUND_DATABASE_URL, …). */
const prefixOf = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
/** The departments as the shell loops and lists in deploy/ spell them, in registry order. */
const departmentList = departments.map((d) => d.name).join(' ');

type K8sObject = Record<string, any>;

// ---------------------------------------------------------------------------------------------
// A kustomize renderer limited to what deploy/k8s uses, refusing anything else: resources (files
// and folders), namespace, labels (metadata only), images, replicas, JSON 6902 patches with a
// kind and name (regex) target, configMapGenerator from files with kustomize's content hash.
// ---------------------------------------------------------------------------------------------

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'replicas', 'patches', 'configMapGenerator']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);

function kustomize(dir: string): K8sObject[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as K8sObject;
  for (const key of Object.keys(k)) if (!SUPPORTED.has(key)) throw new Error(`${dir}: kustomization field ${key} is not supported by this renderer`);
  const objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    if (statSync(path).isDirectory()) objects.push(...kustomize(path));
    else
      objects.push(
        ...parseAllDocuments(readFileSync(path, 'utf8'))
          .map((doc) => doc.toJS() as K8sObject)
          .filter(Boolean),
      );
  }
  const renamed = new Map<string, string>();
  for (const generator of k.configMapGenerator ?? []) {
    const data: Record<string, string> = {};
    for (const file of generator.files as string[]) data[basename(file)] = readFileSync(resolve(dir, file), 'utf8');
    const name = `${generator.name}-${kustomizeHash({ kind: 'ConfigMap', data })}`;
    renamed.set(generator.name, name);
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
  }
  for (const object of objects) {
    for (const volume of podSpec(object)?.volumes ?? []) {
      if (volume.configMap && renamed.has(volume.configMap.name)) volume.configMap.name = renamed.get(volume.configMap.name);
    }
  }
  for (const patch of k.patches ?? []) {
    const ops = parse(patch.patch);
    if (!Array.isArray(ops)) throw new Error(`${dir}: only JSON 6902 patches are supported`);
    const name = new RegExp(`^(?:${patch.target.name})$`);
    const targets = objects.filter((o) => o.kind === patch.target.kind && name.test(o.metadata.name));
    if (targets.length === 0) throw new Error(`${dir}: a patch matches nothing (${JSON.stringify(patch.target)})`);
    for (const target of targets) for (const op of ops) applyJsonPatch(target, op);
  }
  for (const { name, count } of k.replicas ?? []) {
    const target = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
    if (!target) throw new Error(`${dir}: replicas for unknown Deployment ${name}`);
    target.spec.replicas = count;
  }
  for (const image of k.images ?? []) {
    for (const object of objects) {
      for (const container of containersOf(object)) {
        const [imageName, tag] = splitImage(container.image);
        if (imageName === image.name) container.image = `${image.newName ?? imageName}:${image.newTag ?? tag ?? 'latest'}`.replace(/:$/, '');
      }
    }
  }
  for (const { pairs, ...rest } of k.labels ?? []) {
    if (Object.keys(rest).length > 0) throw new Error(`${dir}: labels options ${Object.keys(rest)} are not supported`);
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  }
  if (k.namespace) for (const object of objects) if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = k.namespace;
  return objects;
}

function splitImage(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}

/**
 * kustomize's name suffix: the SHA-256 of the Go JSON encoding of {data, kind, name} — the name
 * still empty when kustomize hashes it — its first 10 hex digits with 0, 1, 3, a, e mapped away.
 */
function kustomizeHash(map: { kind: string; data: Record<string, string> }): string {
  const data = Object.fromEntries(Object.entries(map.data).sort(([a], [b]) => (a < b ? -1 : 1)));
  // Go's encoding/json escapes <, > and & (and U+2028/9) in strings.
  const json = JSON.stringify({ data, kind: map.kind, name: '' }).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const hex = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c]!);
}

function applyJsonPatch(target: K8sObject, op: { op: string; path: string; value?: unknown }): void {
  const keys = op.path
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  let parent = target;
  for (const key of keys) {
    parent = parent[key];
    if (parent === undefined) throw new Error(`patch path ${op.path} does not exist in ${target.kind}/${target.metadata.name}`);
  }
  const value = structuredClone(op.value);
  if (op.op === 'replace') {
    if (!(last in parent)) throw new Error(`replace of missing ${op.path} in ${target.kind}/${target.metadata.name}`);
    parent[last] = value;
  } else if (op.op === 'add') {
    if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else parent[last] = value;
  } else {
    throw new Error(`JSON patch op ${op.op} is not supported`);
  }
}

function podSpec(object: K8sObject): K8sObject | undefined {
  return object.kind === 'Deployment' ? object.spec.template.spec : undefined;
}

function containersOf(object: K8sObject): K8sObject[] {
  const spec = podSpec(object);
  return spec ? [...(spec.initContainers ?? []), ...spec.containers] : [];
}

const identityOf = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byIdentity = (objects: K8sObject[]) => [...objects].sort((a, b) => (identityOf(a) < identityOf(b) ? -1 : 1));

const rendered = Object.fromEntries(overlays.map((overlay) => [overlay, kustomize(join(k8s, 'overlays', overlay))])) as Record<(typeof overlays)[number], K8sObject[]>;
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

function matches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  it.skipIf(!kubectl)('render exactly as kubectl kustomize renders them', () => {
    for (const overlay of overlays) {
      const out = spawnSync('kubectl', ['kustomize', join(k8s, 'overlays', overlay)], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      const real = parseAllDocuments(out.stdout).map((doc) => doc.toJS() as K8sObject);
      expect(byIdentity(rendered[overlay])).toEqual(byIdentity(real));
    }
  });

  it.each(overlays)('%s: every object validates against the Kubernetes schema', async (overlay) => {
    const kinds = new Set<string>();
    for (const object of rendered[overlay]) {
      const module = (await import(`kubernetes-models/${object.apiVersion}`)) as Record<string, new (data: K8sObject) => { validate(): void }>;
      const Model = module[object.kind];
      expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object).validate(), identityOf(object)).not.toThrow();
      kinds.add(`${object.apiVersion} ${object.kind}`);
    }
    expect([...kinds].sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'networking.k8s.io/v1 NetworkPolicy',
      'policy/v1 PodDisruptionBudget',
      'v1 ConfigMap',
      'v1 Namespace',
      'v1 PersistentVolumeClaim',
      'v1 Service',
    ]);
  });

  it('the schema validator refuses a broken object (the check is not a no-op)', async () => {
    const { Deployment } = await import('kubernetes-models/apps/v1');
    const broken = structuredClone(find(rendered.production, 'Deployment', 'catalog'));
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken).validate()).toThrow(/replicas/);
    delete broken.spec.replicas;
    delete broken.spec.selector;
    expect(() => new Deployment(broken).validate()).toThrow(/selector/);
  });

  it.each(overlays)('%s: a Deployment and a Service per department and for the gateway, every Service selecting its pods', (overlay) => {
    const objects = rendered[overlay];
    for (const { name, port } of [{ name: 'gateway', port: 4000 }, ...departments]) {
      const deployment = find(objects, 'Deployment', name);
      const service = find(objects, 'Service', name);
      const labels = deployment.spec.template.metadata.labels;
      expect(matches(deployment.spec.selector.matchLabels, labels)).toBe(true);
      expect(matches(service.spec.selector, labels)).toBe(true);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      expect(deployment.spec.template.spec.containers[0].ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(deployment.spec.template.spec.containers[0].args).toEqual([name]);
      // Exactly one Deployment selects these pods.
      expect(objects.filter((o) => o.kind === 'Deployment' && matches(o.spec.selector.matchLabels, labels))).toHaveLength(1);
    }
  });

  it.each(overlays)('%s: the gateway reaches every department of subgraphs/registry.json at its Service (<NAME>_URL)', (overlay) => {
    const env = find(rendered[overlay], 'Deployment', 'gateway').spec.template.spec.containers[0].env as K8sObject[];
    const urls = env.filter((e) => /_URL$/.test(e.name) && e.name !== 'REDIS_URL');
    expect(urls).toEqual(departments.map(({ name, port }) => ({ name: `${prefixOf(name)}_URL`, value: `http://${name}:${port}/graphql` })));
  });

  it.each(overlays)('%s: the gateway scales with a HorizontalPodAutoscaler and keeps serving through drains (PodDisruptionBudget)', (overlay) => {
    const objects = rendered[overlay];
    const gateway = find(objects, 'Deployment', 'gateway');
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'gateway');
    const pdb = find(objects, 'PodDisruptionBudget', 'gateway');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(gateway.spec.replicas, 'the autoscaler owns the count').toBeUndefined();
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(overlay === 'production' ? 3 : 1);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    expect(gateway.spec.template.spec.containers[0].resources.requests.cpu, 'CPU utilisation needs a request').toBeDefined();
    expect(matches(pdb.spec.selector.matchLabels, gateway.spec.template.metadata.labels)).toBe(true);
    expect(pdb.spec.maxUnavailable).toBe(1);
  });

  it.each(overlays)('%s: every pod runs as non-root, read-only, without capabilities or privilege escalation, with limits and probes', (overlay) => {
    for (const deployment of rendered[overlay].filter((o) => o.kind === 'Deployment')) {
      const where = `${overlay} ${deployment.metadata.name}`;
      const spec = deployment.spec.template.spec;
      expect(spec.securityContext, where).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      expect(spec.automountServiceAccountToken, where).toBe(false);
      expect(spec.hostNetwork ?? false).toBe(false);
      for (const container of containersOf(deployment)) {
        expect(container.securityContext, `${where} ${container.name}`).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          privileged: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.resources.requests, `${where} ${container.name}`).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
        expect(container.resources.limits, `${where} ${container.name}`).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
        expect(container.image, 'the overlay names the image').toMatch(
          overlay === 'production' ? /^registry\.example\.gov\/govgraph\/govgraph:\d+\.\d+\.\d+$/ : /^govgraph:local$/,
        );
      }
      const main = spec.containers[0];
      expect(main.livenessProbe.httpGet, where).toEqual({ path: '/healthz', port: 'http' });
      expect(main.readinessProbe.httpGet.path, where).toBe(deployment.metadata.name === 'gateway' ? '/readyz?scope=gateway' : '/readyz');
      expect(main.startupProbe.httpGet.path, where).toBe('/healthz');
      // Writable places are volumes: the data folder and /tmp.
      const writable = main.volumeMounts.filter((m: K8sObject) => !m.readOnly).map((m: K8sObject) => m.mountPath);
      expect(writable.sort(), where).toEqual(['/tmp', '/var/lib/govgraph']);
    }
    for (const namespace of rendered[overlay].filter((o) => o.kind === 'Namespace')) {
      expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    }
  });

  it.each(overlays)('%s: each party mounts its own key Secret and nothing of another party; the gateway holds no database credential', (overlay) => {
    for (const party of parties) {
      const deployment = find(rendered[overlay], 'Deployment', party);
      const spec = deployment.spec.template.spec;
      const secretVolumes = spec.volumes.filter((v: K8sObject) => v.secret).map((v: K8sObject) => v.secret.secretName);
      expect(secretVolumes, party).toEqual([`govgraph-keys-${party}`]);
      const keyVolume = spec.volumes.find((v: K8sObject) => v.secret).name;
      for (const container of containersOf(deployment)) {
        for (const mount of container.volumeMounts ?? []) {
          if (mount.name === keyVolume) expect(mount, party).toEqual({ name: keyVolume, mountPath: `/etc/govgraph/keys/${party}`, readOnly: true });
        }
        const secretRefs = (container.env ?? []).filter((e: K8sObject) => e.valueFrom?.secretKeyRef).map((e: K8sObject) => e.valueFrom.secretKeyRef.name);
        const allowed = party === 'gateway' ? ['govgraph-redis'] : [`govgraph-database-${party}`, 'govgraph-redis'];
        for (const ref of secretRefs) expect(allowed, `${party} ${container.name} reads ${ref}`).toContain(ref);
        expect(container.envFrom, 'no bulk environment from a Secret').toBeUndefined();
        // No literal secret in the manifests: every value that looks like one comes from a Secret.
        for (const variable of container.env ?? []) {
          if (/PASSWORD|SECRET|DATABASE_URL|REDIS_URL|KEY/.test(variable.name)) expect(variable.value, `${party} ${variable.name}`).toBeUndefined();
        }
      }
      expect(
        spec.volumes.find((v: K8sObject) => v.configMap?.name === 'govgraph-trust'),
        `${party} verifies with the trust list`,
      ).toBeDefined();
    }
    expect(
      rendered[overlay].filter((o) => o.kind === 'Secret'),
      'Secrets are made outside the repository',
    ).toEqual([]);
  });

  it.each(overlays)('%s: the supergraph and data policy are a ConfigMap of the committed files, holding nothing secret', (overlay) => {
    const configMaps = rendered[overlay].filter((o) => o.kind === 'ConfigMap');
    expect(configMaps).toHaveLength(1);
    const [schema] = configMaps;
    expect(schema!.metadata.name).toMatch(/^govgraph-schema-[a-z0-9]{10}$/);
    expect(schema!.data['supergraph.graphql']).toBe(readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8'));
    expect(schema!.data['data-policy.json']).toBe(readFileSync(join(root, 'schema/data-policy.json'), 'utf8'));
    for (const value of Object.values<string>(schema!.data)) {
      expect(value).not.toMatch(/PRIVATE KEY|privateKey|ggp[ca]1\.|postgres(ql)?:\/\/[^\s"]*:[^\s"]*@|redis:\/\/[^\s"]*:[^\s"]*@/);
    }
    const gateway = find(rendered[overlay], 'Deployment', 'gateway').spec.template.spec;
    expect(gateway.volumes.find((v: K8sObject) => v.name === 'schema').configMap.name).toBe(schema!.metadata.name);
    expect(gateway.containers[0].env).toContainEqual({ name: 'SUPERGRAPH_PATH', value: '/etc/govgraph/schema/supergraph.graphql' });
  });

  it('the base holds an up-to-date copy of schema/supergraph.graphql and schema/data-policy.json (node deploy/k8s/sync-schema.mjs)', () => {
    for (const file of ['supergraph.graphql', 'data-policy.json']) {
      expect(readFileSync(join(k8s, 'base/schema', file), 'utf8'), file).toBe(readFileSync(join(root, 'schema', file), 'utf8'));
    }
  });

  it.each(overlays)('%s: NetworkPolicy lets only the gateway pods reach the departments', (overlay) => {
    const objects = rendered[overlay];
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const pods = objects.filter((o) => o.kind === 'Deployment').map((d) => ({ name: d.metadata.name, labels: d.spec.template.metadata.labels }));
    const selects = (policy: K8sObject, labels: Record<string, string>) => {
      expect(policy.spec.podSelector.matchExpressions, 'matchLabels only').toBeUndefined();
      return matches(policy.spec.podSelector.matchLabels, labels);
    };
    // Default deny, both ways, for every pod in the namespace.
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0);
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    for (const pod of pods) {
      const rules = policies.filter((p) => selects(p, pod.labels)).flatMap((p) => p.spec.ingress ?? []);
      if (pod.name === 'gateway') {
        expect(rules.flatMap((r: K8sObject) => r.ports)).toEqual([{ protocol: 'TCP', port: 4000 }]);
        continue;
      }
      const port = departments.find((d) => d.name === pod.name)!.port;
      expect(rules.length, pod.name).toBeGreaterThan(0);
      for (const rule of rules) {
        expect(rule.from, `${pod.name}: a rule without "from" admits everyone`).toBeDefined();
        for (const peer of rule.from) {
          expect(Object.keys(peer), `${pod.name}: only a pod selector in this namespace`).toEqual(['podSelector']);
          const admitted = pods.filter((other) => matches(peer.podSelector.matchLabels, other.labels)).map((other) => other.name);
          expect(admitted, pod.name).toEqual(['gateway']);
        }
        expect(rule.ports.map((p: K8sObject) => p.port)).toContain(port);
      }
    }
    // Departments call no one but their database and Redis (and DNS); the gateway, the departments and Redis.
    for (const pod of pods) {
      const egress = policies.filter((p) => selects(p, pod.labels)).flatMap((p) => p.spec.egress ?? []);
      const ports = egress.flatMap((rule: K8sObject) => rule.ports.map((p: K8sObject) => p.port)).sort();
      const gatewayPorts = [...departments.map((d) => d.port), 53, 53, 6379].sort();
      expect(ports, pod.name).toEqual(pod.name === 'gateway' ? gatewayPorts : [53, 53, 5432, 6379]);
    }
  });

  it('the production overlay admits clients from the ingress controller only and runs applications on shared storage', () => {
    const ingress = find(rendered.production, 'NetworkPolicy', 'gateway-ingress');
    expect(ingress.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
    expect(find(rendered.production, 'PersistentVolumeClaim', 'applications-documents').spec.accessModes).toEqual(['ReadWriteMany']);
    const applications = find(rendered.production, 'Deployment', 'applications');
    expect(applications.spec.replicas).toBe(2);
    expect(applications.spec.strategy.type).toBe('RollingUpdate');
    for (const department of departments) {
      const deployment = find(rendered.production, 'Deployment', department.name);
      expect(deployment.spec.replicas, department.name).toBeGreaterThanOrEqual(2);
      expect(
        containersOf(deployment)
          .flatMap((c) => c.env ?? [])
          .map((e: K8sObject) => e.name),
        'no demo data in production',
      ).not.toContain('GOVGRAPH_SEED_DEMO');
      // Migrations run before the new version serves, with the department's own credential.
      expect(deployment.spec.template.spec.initContainers[0].command).toEqual(['node', 'scripts/migrate.mjs', department.name]);
      const prefix = department.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
      expect(deployment.spec.template.spec.containers[0].env).toContainEqual({ name: `${prefix}_MIGRATE_ON_START`, value: 'false' });
    }
  });
});

describe('Kubernetes per-department lists (deploy/k8s)', () => {
  it('the dev overlay runs one replica of every department, each seeded with the demo data', () => {
    for (const { name } of departments) {
      const deployment = find(rendered.dev, 'Deployment', name);
      expect(deployment.spec.replicas, name).toBe(1);
      expect(deployment.spec.template.spec.containers[0].env, name).toContainEqual({ name: 'GOVGRAPH_SEED_DEMO', value: 'true' });
    }
  });

  it('make-secrets.sh makes a key Secret for every party and a database Secret for every department', () => {
    const script = readFileSync(join(k8s, 'make-secrets.sh'), 'utf8');
    expect(script).toContain(`PARTIES="${parties.join(' ')}"`);
    expect(script).toContain(`DEPARTMENTS="${departmentList}"`);
    for (const { name } of departments) expect(script, name).toContain(`${prefixOf(name)}_DATABASE_URL=`);
    expect(spawnSync('sh', ['-n', join(k8s, 'make-secrets.sh')]).status, 'make-secrets.sh parses').toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// deploy/compose.yaml
// ---------------------------------------------------------------------------------------------

describe('Compose file (deploy/compose.yaml)', () => {
  const composeFile = join(deploy, 'compose.yaml');
  const source = readFileSync(composeFile, 'utf8');
  const compose = parse(source, { merge: true }) as K8sObject;
  const services = compose.services as Record<string, K8sObject>;
  type LintResult = { errorCount: number; messages: Array<{ line: number; message: string; rule: string }> };
  const lintConfig = { rules: {}, quiet: false, debug: false, exclude: [], ...JSON.parse(readFileSync(join(deploy, '.dclintrc.json'), 'utf8')) };

  it('validates against the compose specification and passes dclint (ordering rules off: services are in start order)', () => {
    const results: LintResult[] = new DCLinter(lintConfig).lintFiles([composeFile], false);
    expect(results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.message} (${m.rule})`))).toEqual([]);
  });

  it('dclint refuses a file the specification does not allow (the check is not a no-op)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-compose-'));
    try {
      const broken = join(dir, 'compose.yaml');
      writeFileSync(broken, source.replace('restart: unless-stopped', 'restart: sometimes\n  bogus_key: 1'));
      const results: LintResult[] = new DCLinter(lintConfig).lintFiles([broken], false);
      expect(results.reduce((sum, r) => sum + r.errorCount, 0)).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs two gateways, every department, PostgreSQL with a database per department, Redis and a one-shot migration', () => {
    expect(services.gateway!.deploy.replicas).toBe(2);
    for (const { name } of departments) {
      expect(services[name]!.command).toEqual([name]);
      expect(services[name]!.environment[`${name.toUpperCase()}_MIGRATE_ON_START`], 'migrate ran before').toBe('false');
    }
    expect(services.migrate!.entrypoint).toEqual(['node', 'scripts/migrate.mjs']);
    const init = readFileSync(join(deploy, 'compose/postgres-init.sh'), 'utf8');
    expect(init).toContain(`for department in ${departmentList}; do`);
    const envExample = readFileSync(join(deploy, 'compose/env.example'), 'utf8').split('\n');
    for (const { name } of departments) {
      const prefix = prefixOf(name);
      const url = `postgres://${name}:\${${prefix}_DB_PASSWORD:?set ${prefix}_DB_PASSWORD}@postgres:5432/${name}`;
      expect(services[name]!.environment[`${prefix}_DATABASE_URL`], name).toBe(url);
      expect(services.migrate!.environment[`${prefix}_DATABASE_URL`], `migrate ${name}`).toBe(url);
      expect(services.postgres!.environment[`${prefix}_DB_PASSWORD`], `postgres-init.sh reads ${prefix}_DB_PASSWORD`).toBe(`\${${prefix}_DB_PASSWORD:?set ${prefix}_DB_PASSWORD}`);
      expect(envExample, 'env.example').toContain(`${prefix}_DB_PASSWORD=`);
    }
    expect(source, 'the key-generation loop names every party').toContain(`for party in ${parties.join(' ')}; do`);
    expect(init).toMatch(/CREATE DATABASE :"role" OWNER :"role"/);
    expect(spawnSync('sh', ['-n', join(deploy, 'compose/postgres-init.sh')]).status, 'postgres-init.sh parses').toBe(0);
    expect(services.redis!.command.join(' ')).toMatch(/--appendonly yes/);
  });

  it('checks health on /readyz and starts each service only once what it needs is healthy', () => {
    for (const { name, port } of [{ name: 'gateway', port: 4000 }, ...departments]) {
      expect(services[name]!.healthcheck.test.join(' '), name).toContain(`http://127.0.0.1:${port}/readyz`);
      const needs = services[name]!.depends_on as Record<string, { condition: string }>;
      expect(needs.redis, name).toEqual({ condition: 'service_healthy' });
      if (name === 'gateway') {
        for (const d of departments) {
          expect(needs[d.name]).toEqual({ condition: 'service_healthy' });
          expect(services.gateway!.environment[`${prefixOf(d.name)}_URL`], d.name).toBe(`http://${d.name}:${d.port}/graphql`);
        }
      } else {
        expect(needs.migrate, name).toEqual({ condition: 'service_completed_successfully' });
        expect(needs.postgres, name).toEqual({ condition: 'service_healthy' });
      }
    }
  });

  it('takes every secret from the environment, mounts each party only its own key folder, and keeps departments off the published network', () => {
    // Every password is a required variable: compose refuses to start without it.
    const passwordUses = source.match(/\$\{[A-Z_]*PASSWORD[^}]*\}/g) ?? [];
    expect(passwordUses.length).toBeGreaterThan(10);
    for (const use of passwordUses) expect(use).toMatch(/^\$\{[A-Z_]+:\?/);
    for (const party of parties) {
      const mounts = (services[party]!.volumes as string[]).filter((v) => v.includes('/etc/govgraph/keys'));
      expect(mounts, party).toEqual([`\${GOVGRAPH_KEYS_HOST_DIR:-./keys}/private/${party}:/etc/govgraph/keys/${party}:ro`]);
      expect(services[party]!.read_only, party).toBe(true);
      expect(services[party]!.cap_drop, party).toEqual(['ALL']);
      expect(services[party]!.security_opt, party).toEqual(['no-new-privileges:true']);
    }
    for (const { name } of departments) {
      expect(services[name]!.networks, name).toEqual(['backend']);
      expect(services[name]!.ports, name).toBeUndefined();
    }
    expect(compose.networks.backend.internal).toBe(true);
    const published = Object.entries(services).filter(([, s]) => s.ports);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(services.gateway!.environment.GATEWAY_TRUSTED_PROXIES).toBe(services.proxy!.networks.edge.ipv4_address);
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const line of instructions) {
    if (line.startsWith('FROM ')) stages.push([line]);
    else stages.at(-1)?.push(line);
  }
  const runtime = stages.at(-1)!;

  it('passes dockerfile-utils validation with no error or warning', () => {
    expect(validateDockerfile(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('dockerfile-utils refuses a broken Dockerfile (the check is not a no-op)', () => {
    expect(validateDockerfile('FROM node:20\nEXPOSE port\nENTRYPOINT\n').length).toBeGreaterThan(0);
  });

  it('is multi-stage: native modules built on bookworm, the runtime node:20 bookworm-slim without dev dependencies', () => {
    expect(instructions).toContain('ARG NODE_VERSION=20.20');
    expect(stages).toHaveLength(3);
    expect(stages[0]![0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm AS deps$/);
    expect(stages[1]![0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm AS build$/);
    expect(stages[2]![0]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS runtime$/);
    expect(stages[0]!.some((line) => /^RUN npm ci --omit=dev\b/.test(line))).toBe(true);
    expect(stages[1]!.some((line) => /npm ci && npm run build/.test(line))).toBe(true);
    expect(
      runtime.filter((line) => /^RUN .*npm (ci|install)/.test(line)),
      'nothing installed in the runtime stage',
    ).toEqual([]);
    expect(runtime).toContain('COPY --from=deps --chown=root:root /app /app');
    expect(dockerfile).toMatch(/find \. -name node_modules -prune -exec rm -rf \{\} \+/);
  });

  it("copies every workspace's package.json for npm ci (each department's too) and exposes every department's port", () => {
    const deps = stages[0]!;
    const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces as string[];
    for (const { name } of departments) expect(workspaces, name).toContain(`subgraphs/${name}`);
    for (const workspace of workspaces) expect(deps, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    const expose = runtime.find((line) => line.startsWith('EXPOSE '))!;
    expect(expose.split(/\s+/).slice(1).map(Number)).toEqual([4000, ...departments.map((d) => d.port)]);
  });

  it('runs any service by name as the unprivileged node user, in production mode', () => {
    expect(runtime).toContain('USER node');
    expect(runtime).toContain('ENTRYPOINT ["node", "scripts/run-service.mjs"]');
    expect(runtime).toContain('CMD ["gateway"]');
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.findIndex((l) => l.startsWith('ENTRYPOINT')));
    expect(runtime.join('\n')).toMatch(/NODE_ENV=production/);
    expect(runtime.join('\n')).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).not.toMatch(/^\s*ADD\s/m);
    expect(dockerfile).not.toMatch(/PASSWORD|SECRET=|TOKEN=/);
  });

  it('.dockerignore keeps installed, built, local and secret files out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '**/node_modules', '**/dist', '**/.turbo', 'data', 'keys', '**/.env', 'test/artifacts']) expect(ignored, entry).toContain(entry);
  });
});

// Keeps the list of what deploy/ holds honest: a new manifest must be rendered by an overlay.
it('every manifest under deploy/k8s/base is listed in its kustomization', () => {
  const listed = new Set((parse(readFileSync(join(k8s, 'base/kustomization.yaml'), 'utf8')) as K8sObject).resources as string[]);
  const files = readdirSync(join(k8s, 'base')).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
  expect(files.filter((file) => !listed.has(file))).toEqual([]);
});
