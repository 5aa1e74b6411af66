// A company network for tests: a certificate authority made at test time
// (node-forge), a certificate for the sandbox's host name signed by it, and a
// forwarding proxy (the `proxy` package) that alone knows where that host
// name lives. The name is under .test, which never resolves, so a request
// that reaches the sandbox by it has gone through the proxy.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import forge from 'node-forge';
import { createProxy } from 'proxy';
import { startSandbox, type Sandbox, type SandboxOptions } from './server';

export const SANDBOX_HOSTNAME = 'github.review-mentor.test';

export interface TestCa {
  /** The authority's certificate (PEM): what NODE_EXTRA_CA_CERTS or --ca-file would name. */
  certPem: string;
  /** A server key and certificate for these host names (and 127.0.0.1), signed by the authority. */
  issue(hostnames: string[]): { key: string; cert: string };
}

export function createTestCa(name = 'Review Mentor Test CA'): TestCa {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const ca = forge.pki.createCertificate();
  ca.publicKey = keys.publicKey;
  ca.serialNumber = serial();
  setValidity(ca);
  const subject = [{ name: 'commonName', value: name }, { name: 'organizationName', value: 'Review Mentor tests' }];
  ca.setSubject(subject);
  ca.setIssuer(subject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(ca),
    issue(hostnames) {
      const leafKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
      const leaf = forge.pki.createCertificate();
      leaf.publicKey = leafKeys.publicKey;
      leaf.serialNumber = serial();
      setValidity(leaf);
      leaf.setSubject([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }]);
      leaf.setIssuer(subject);
      leaf.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [...hostnames.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }] },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
      ]);
      leaf.sign(keys.privateKey, forge.md.sha256.create());
      return { key: forge.pki.privateKeyToPem(leafKeys.privateKey), cert: forge.pki.certificateToPem(leaf) };
    },
  };
}

export interface ForwardProxy {
  /** http://127.0.0.1:PORT, for HTTPS_PROXY or `http.proxy`. */
  url: string;
  /** "host:port" of every CONNECT it was asked for, in order. */
  connects: string[];
  /** From now on answer 407 (or carry again), closing the tunnels already open. */
  setRefusing(refuse: boolean): void;
  close(): Promise<void>;
}

/**
 * A forwarding proxy on 127.0.0.1. `hosts` is its name resolution
 * (SANDBOX_HOSTNAME -> 127.0.0.1); `refuse` makes it answer every request
 * with 407 Proxy Authentication Required, as a proxy wanting a login does.
 */
export async function startForwardProxy(opts: { hosts?: Record<string, string>; refuse?: boolean } = {}): Promise<ForwardProxy> {
  const connects: string[] = [];
  const tunnels = new Set<Socket>();
  const server = createProxy(createServer());
  // Runs before the proxy's own handler: records the tunnel and maps the name.
  server.prependListener('connect', (req, socket: Socket) => {
    connects.push(req.url ?? '');
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    const [host, port] = splitHostPort(req.url ?? '');
    const mapped = opts.hosts?.[host];
    if (mapped) req.url = `${mapped}:${port}`;
  });
  const setRefusing = (refuse: boolean) => {
    server.authenticate = refuse ? () => false : undefined;
    if (refuse) for (const t of tunnels) t.destroy();
  };
  setRefusing(opts.refuse ?? false);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    setRefusing,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of tunnels) t.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface CompanyNetwork {
  ca: TestCa;
  /** The sandbox over HTTPS at https://SANDBOX_HOSTNAME:PORT, with a certificate from `ca`. */
  sandbox: Sandbox;
  proxy: ForwardProxy;
  close(): Promise<void>;
}

/** The sandbox behind a proxy, with a certificate from a private authority. */
export async function startCompanyNetwork(sandboxOptions: SandboxOptions = {}, proxyOptions: { refuse?: boolean } = {}): Promise<CompanyNetwork> {
  const ca = createTestCa();
  const sandbox = await startSandbox({ ...sandboxOptions, tls: ca.issue([SANDBOX_HOSTNAME]), hostname: SANDBOX_HOSTNAME });
  const proxy = await startForwardProxy({ hosts: { [SANDBOX_HOSTNAME]: '127.0.0.1' }, ...proxyOptions });
  return {
    ca,
    sandbox,
    proxy,
    close: async () => {
      await proxy.close();
      await sandbox.close();
    },
  };
}

function splitHostPort(authority: string): [string, string] {
  const i = authority.lastIndexOf(':');
  return i < 0 ? [authority, ''] : [authority.slice(0, i), authority.slice(i + 1)];
}

function setValidity(cert: forge.pki.Certificate): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 7 * 24 * 3600_000);
}

function serial(): string {
  // Positive, random: a fresh authority per run never repeats a serial.
  return '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
}
