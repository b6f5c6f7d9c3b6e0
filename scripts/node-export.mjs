#!/usr/bin/env node
// CastBot's JavaScript export step (seed: ExportScheduler.runScheduledExport), as a command, so
// `castbot bench` can time it against `castbot export` on the same file:
//   node scripts/node-export.mjs DATA.json --all OUT.json
//   node scripts/node-export.mjs DATA.json --guild ID OUT.json
import fs from 'node:fs';

const [dataPath, mode, ...rest] = process.argv.slice(2);
// loadPlayerData(): read the file and parse it.
const allPlayerData = JSON.parse(fs.readFileSync(dataPath, 'utf8'));

let exportJson;
let out;
if (mode === '--all') {
  [out] = rest;
  const guildCount = Object.keys(allPlayerData).filter((k) => k !== '/* Server ID */' && k !== 'environmentConfig').length;
  exportJson = JSON.stringify(allPlayerData, null, 2);
  process.stderr.write(`exported ${guildCount} guilds\n`);
} else if (mode === '--guild') {
  const [guildId, target] = rest;
  out = target;
  const guildData = allPlayerData[guildId];
  if (!guildData) {
    throw new Error(`Guild ${guildId} not found in playerData`);
  }
  const exportData = {
    exportVersion: '1.0',
    exportDate: new Date().toISOString(),
    dataType: 'playerData',
    guildId: guildId,
    guildName: guildData.serverName || 'Unknown',
    data: guildData,
  };
  exportJson = JSON.stringify(exportData, null, 2);
} else {
  throw new Error('usage: node-export.mjs DATA (--all OUT | --guild ID OUT)');
}
fs.writeFileSync(out, exportJson);
