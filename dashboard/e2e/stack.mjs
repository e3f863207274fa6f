// Starts the real FleetFlow stack (io.fleetflow.launcher.LocalStack) as a child process on free
// ports, finds its credentials, and guarantees the child is killed when the test ends.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const JAVA_OPENS = [
  'java.base/java.util', 'java.base/java.lang', 'java.base/java.lang.reflect', 'java.base/java.io',
  'java.base/java.nio', 'java.base/sun.nio.ch', 'java.base/java.net', 'java.base/java.text',
  'java.base/java.time', 'java.base/java.util.concurrent', 'java.base/java.util.concurrent.atomic',
  'java.base/java.util.concurrent.locks',
].map((p) => `--add-opens=${p}=ALL-UNNAMED`).concat(
  ['java.base/sun.net.util', 'java.management/sun.management', 'java.rmi/sun.rmi.registry',
    'java.security.jgss/sun.security.krb5'].map((p) => `--add-exports=${p}=ALL-UNNAMED`),
);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function javaSources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? javaSources(p) : p.endsWith('.java') ? [p] : [];
  });
}

/** Whether this launcher understands --no-simulator (another change adds the simulator). */
function launcherAcceptsNoSimulator(root) {
  return javaSources(path.join(root, 'launcher/src/main/java')).some((f) =>
    readFileSync(f, 'utf8').includes('--no-simulator'),
  );
}

export async function startStack({ root, outDir, log }) {
  const classpathFile = path.join(root, 'launcher/target/run-classpath.txt');
  if (!existsSync(classpathFile)) {
    throw new Error(`${classpathFile} is missing: build the launcher first (./fleetflow build)`);
  }
  const httpPort = await freePort();
  const flinkPort = await freePort();
  const env = {
    ...process.env,
    FLEETFLOW_HTTP_PORT: String(httpPort),
    FLEETFLOW_FLINK_UI_PORT: String(flinkPort),
    FLEETFLOW_FLINK_REST_URL: `http://127.0.0.1:${flinkPort}`,
    FLEETFLOW_DASHBOARD_DIR: path.join(root, 'dashboard/dist'),
    FLEETFLOW_QUEUE: process.env.FLEETFLOW_QUEUE ?? 'telemetry_analysis_e2e',
  };
  const args = [
    ...JAVA_OPENS,
    '-cp',
    `${path.join(root, 'launcher/target/classes')}:${readFileSync(classpathFile, 'utf8').trim()}`,
    'io.fleetflow.launcher.LocalStack',
  ];
  if (launcherAcceptsNoSimulator(root)) args.push('--no-simulator');
  const child = spawn('java', args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = createWriteStream(path.join(outDir, 'launcher.log'));
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    logFile.write(d);
  });
  child.stderr.on('data', (d) => logFile.write(d));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const kill = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    kill();
    const deadline = Date.now() + 20_000;
    while (!exited && Date.now() < deadline) await sleep(200);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    logFile.end();
  };
  // Whatever happens to this process, the launcher goes with it.
  process.on('exit', () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      kill();
      process.exit(130);
    });
  }

  const base = `http://127.0.0.1:${httpPort}`;
  const stack = {
    base,
    flinkPort,
    child,
    stop,
    get stdout() {
      return stdout;
    },
    operatorToken: null,
    deviceKey: null,
  };
  log(`launcher pid ${child.pid}, gateway ${base}, Flink ${flinkPort}`);
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exited) throw new Error(`launcher exited early (${JSON.stringify(exited)}); see ${outDir}/launcher.log`);
    if (Date.now() > deadline) throw new Error('gateway not ready within 240 s');
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  // The launcher prints its banner (URLs and credentials) once the job is started too, which can
  // be a few seconds after the gateway is ready.
  while (!/Press Ctrl-C to stop\./.test(stdout)) {
    if (exited) throw new Error(`launcher exited early (${JSON.stringify(exited)}); see ${outDir}/launcher.log`);
    if (Date.now() > deadline) throw new Error('launcher printed no banner within 240 s');
    await sleep(250);
  }
  // Credentials: the environment first, else what the launcher printed, else none (auth off).
  stack.operatorToken = process.env.E2E_OPERATOR_TOKEN || match(stdout, /Operator token\s+(\S+)/);
  stack.deviceKey = process.env.E2E_DEVICE_KEY || match(stdout, /Device API key\s+(\S+)/);
  return stack;
}

function match(text, re) {
  const m = re.exec(text);
  return m ? m[1] : null;
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
