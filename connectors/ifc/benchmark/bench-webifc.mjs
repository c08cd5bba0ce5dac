// web-ifc side of the IFC benchmark (run.sh). For each file: "parse" = read the file, OpenModel, then
// GetLine on every id of GetAllLines; "geometry" = read the file, OpenModel, StreamAllMeshes with the
// vertex and index arrays of every placed geometry copied out. Wall times, median of the rounds.
// Prints one tab-separated line per file: file bytes lines parseSeconds geometrySeconds meshes triangles rounds maxRssMB
// parseCpuSeconds geometryCpuSeconds (CPU time of the whole process, all threads: steadier than wall time on a shared machine)
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { IfcAPI } from 'web-ifc';

const SMALL_BUDGET_MS = 3000;
const MIN_ROUNDS = 3;
const LARGE = 50e6;
const LARGE_ROUNDS = Number(process.env.BENCH_LARGE_ROUNDS || 3);
const settings = { MEMORY_LIMIT: 3.5 * 1024 * 1024 * 1024 };

const api = new IfcAPI();
await api.Init(undefined, true);

function parse(file) {
  const model = api.OpenModel(new Uint8Array(readFileSync(file)), settings);
  if (model < 0) throw new Error(`web-ifc cannot open ${file}`);
  const lines = api.GetAllLines(model);
  const count = lines.size();
  let attributes = 0;
  for (let i = 0; i < count; i++) {
    const line = api.GetLine(model, lines.get(i));
    if (line) attributes++;
  }
  api.CloseModel(model);
  return { count, attributes };
}

function geometry(file) {
  const model = api.OpenModel(new Uint8Array(readFileSync(file)), settings);
  let meshes = 0;
  let triangles = 0;
  api.StreamAllMeshes(model, (mesh) => {
    meshes++;
    const placed = mesh.geometries;
    for (let i = 0; i < placed.size(); i++) {
      const geometry = api.GetGeometry(model, placed.get(i).geometryExpressID);
      const vertices = api.GetVertexArray(geometry.GetVertexData(), geometry.GetVertexDataSize());
      const indices = api.GetIndexArray(geometry.GetIndexData(), geometry.GetIndexDataSize());
      triangles += indices.length / 3 + vertices.length * 0;
      geometry.delete();
    }
  });
  api.CloseModel(model);
  return { meshes, triangles };
}

function measure(file, bytes, run) {
  const times = [];
  const cpus = [];
  let result;
  const end = performance.now() + SMALL_BUDGET_MS;
  if (bytes < LARGE) result = run(file); // warm-up round
  do {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    result = run(file);
    const cpu = process.cpuUsage(cpuStart);
    times.push((performance.now() - start) / 1000);
    cpus.push((cpu.user + cpu.system) / 1e6);
  } while (bytes < LARGE ? times.length < MIN_ROUNDS || performance.now() < end : times.length < LARGE_ROUNDS);
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return { seconds: times[middle], cpu: cpus[middle], rounds: times.length, result };
}

for (const file of process.argv.slice(2)) {
  const bytes = statSync(file).size;
  const p = measure(file, bytes, parse);
  const g = measure(file, bytes, geometry);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log([file, bytes, p.result.count, p.seconds.toFixed(4), g.seconds.toFixed(4), g.result.meshes,
    g.result.triangles, `${p.rounds}/${g.rounds}`, rss.toFixed(0), p.cpu.toFixed(4), g.cpu.toFixed(4)].join('\t'));
}
