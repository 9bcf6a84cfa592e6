#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so delivery staff need no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
