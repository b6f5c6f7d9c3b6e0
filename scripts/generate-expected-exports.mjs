#!/usr/bin/env node
// Writes, for every guild of the real CastBot fixtures, the server export that CastBot's own
// JavaScript export step produces (seed: ExportScheduler.runScheduledExport), with a fixed
// exportDate. The Swift tests compare PlayerData's exports against these files.
//
// Run once from the package root:  node scripts/generate-expected-exports.mjs
// Fixtures are read from $CASTBOT_SHARED_DIR/fixtures/castbot or ../shared/fixtures/castbot.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXPORT_DATE = '2026-01-02T03:04:05.678Z';
const FIXTURES = ['playerData-2026-03-14T17-16-30.json', 'playerData-DevCrashRestore.json'];

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.CASTBOT_SHARED_DIR || path.resolve(packageRoot, '..', 'shared');
const fixturesDir = path.join(sharedDir, 'fixtures', 'castbot');
const expectedDir = path.join(packageRoot, 'Tests', 'PlayerDataTests', 'Expected');

for (const fixture of FIXTURES) {
  const allPlayerData = JSON.parse(fs.readFileSync(path.join(fixturesDir, fixture), 'utf8'));
  const outDir = path.join(expectedDir, fixture.replace(/\.json$/, ''));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const guildIds = Object.keys(allPlayerData).filter((k) => k !== '/* Server ID */' && k !== 'environmentConfig');
  for (const guildId of guildIds) {
    const guildData = allPlayerData[guildId];
    // The seed's export step, verbatim apart from the fixed date.
    const exportData = {
      exportVersion: '1.0',
      exportDate: EXPORT_DATE,
      dataType: 'playerData',
      guildId: guildId,
      guildName: guildData.serverName || 'Unknown',
      data: guildData,
    };
    fs.writeFileSync(path.join(outDir, `${guildId}.json`), JSON.stringify(exportData, null, 2));
  }
  fs.writeFileSync(path.join(outDir, 'guilds.txt'), guildIds.join('\n') + '\n');
  console.log(`${fixture}: ${guildIds.length} server exports in ${path.relative(packageRoot, outDir)}`);
}
